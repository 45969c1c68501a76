'use client';

import { Alert, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { registerCustomerInput } from '@/server/commands/registerCustomer.input';
import { useTRPC } from '@/app/_trpc/client';
import { FormActions } from '@/app/_components/FormActions';
import { textFields } from '@/app/_components/textFields';
import { useFormValues } from '@/app/_components/useFormValues';
import { describeError, wasRefused } from '@/app/_components/trpcErrors';

type FieldErrors = Record<string, string[] | undefined>;

/** Registers a customer with the server's own schema, then opens their page once it shows them. */
export function RegisterCustomerForm({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useFormValues({ name: '', email: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const register = useMutation(
    trpc.customers.register.mutationOptions({
      onSuccess: (result) => router.push(`/customers/${result.id}?after=${encodeURIComponent(result.position)}`),
      onError: (error) => {
        if (wasRefused(describeError(error))) setCommandId(crypto.randomUUID());
      },
    }),
  );
  const refusal = register.error ? describeError(register.error) : undefined;
  const fieldError = (name: string) => (clientErrors[name] ?? refusal?.fields[name])?.join(', ');
  const busy = register.isPending || register.isSuccess;
  const field = textFields(form, setForm, fieldError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = registerCustomerInput.safeParse({ ...form, commandId });
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setClientErrors({});
    register.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Register customer">
      <Stack>
        {refusal && Object.keys(refusal.fields).length === 0 && (
          <Alert color="red" role="alert">
            {refusal.message}
          </Alert>
        )}
        <TextInput label="Name" required {...field('name')} data-autofocus />
        <TextInput label="Email" type="email" required {...field('email')} />
        <FormActions submit="Register" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
