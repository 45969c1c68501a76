import { z } from 'zod';

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * Checks a form's candidate with the command's own zod schema before sending it, and reports
 * problems by field the way the server's error formatter does (object-level ones as `_form`).
 */
export function checkInput<S extends z.ZodType>(schema: S, candidate: z.input<S>): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const flat = z.flattenError(parsed.error);
  return { ok: false, errors: { ...(flat.formErrors.length > 0 && { _form: flat.formErrors }), ...(flat.fieldErrors as FieldErrors) } };
}

/** The first source that has messages for `field`, joined for display next to it. */
export function messagesFor(field: string, ...sources: (FieldErrors | undefined)[]): string | undefined {
  for (const source of sources) {
    const messages = source?.[field];
    if (messages && messages.length > 0) return messages.join(', ');
  }
  return undefined;
}

/** Whole currency units typed in a form (e.g. 24.9) as integer minor units; NaN when empty. */
export function toCents(amount: number | string): number {
  const value = typeof amount === 'number' ? amount : amount.trim() === '' ? Number.NaN : Number(amount);
  return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
}
