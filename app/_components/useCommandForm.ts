'use client';

import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { checkInput, messagesFor, type FieldErrors } from './checkInput';
import { describeError, type DescribedError } from './trpcErrors';

/**
 * A form that sends one command. One form, one `commandId`: a double submit or a retry after a
 * lost answer is applied once. `submit` checks the candidate with the command's own schema and
 * sends it only if it passes; `fieldError` gives a field's messages, the form's own first, then
 * the server's. `clientErrors` and `serverError` may reword or move messages for the form.
 */
export function useCommandForm<S extends z.ZodType>(
  schema: S,
  mutation: { error: unknown; mutate(input: z.output<S>): void },
  reword: { clientErrors?: (errors: FieldErrors) => FieldErrors; serverError?: (error: DescribedError) => DescribedError } = {},
) {
  const [commandId] = useState(() => crypto.randomUUID());
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const described = mutation.error ? describeError(mutation.error) : undefined;
  const serverError = described && reword.serverError ? reword.serverError(described) : described;
  return {
    commandId,
    serverError,
    fieldError: (field: string) => messagesFor(field, clientErrors, serverError?.fields),
    /** The form's submit handler, sending what `candidate` gives at the time. */
    submit: (candidate: () => z.input<S>) => (event: FormEvent) => {
      event.preventDefault();
      const checked = checkInput(schema, candidate());
      setClientErrors(checked.ok ? {} : (reword.clientErrors?.(checked.errors) ?? checked.errors));
      if (checked.ok) mutation.mutate(checked.value);
    },
  };
}
