'use client';

import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/**
 * A search box's text: what is typed shows at once, and `onSettle` gets it (trimmed) once the
 * typing pauses, if it differs from `current`.
 */
export function useSearchText(current: string, onSettle: (text: string) => void, delayMs = 250) {
  const [text, setText] = useState(current);
  const [debounced] = useDebouncedValue(text, delayMs);
  useEffect(() => {
    if (debounced.trim() !== current) onSettle(debounced.trim());
    // Only a settled change of the text is news; `current` and `onSettle` follow from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return [text, setText] as const;
}
