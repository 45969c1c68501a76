'use client';

import { useCallback, useState } from 'react';

/** A form's values and a setter that changes only the fields it is given. */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const update = useCallback((patch: Partial<T>) => setValues((current) => ({ ...current, ...patch })), []);
  return [values, update] as const;
}
