import type { ChangeEvent } from 'react';

/**
 * Binds text inputs to the string fields of a form's values (as `useFormValues` keeps them):
 * `field('email')` gives an input's value, its change handler and the field's messages.
 */
export function textFields<T extends object>(values: T, update: (patch: Partial<T>) => void, error: (field: string) => string | undefined) {
  return <K extends keyof T & string>(field: K) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => update({ [field]: event.currentTarget.value } as Partial<T>),
    error: error(field),
  });
}
