'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A moment in the reader's own time zone. The server does not know that zone, so the first
 * render (on the server and while hydrating) says UTC, and the browser then shows local time.
 */
export function DateTime({ value, withTime = true }: { value: Date; withTime?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const format = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
    ...(!inBrowser && { timeZone: 'UTC' }),
  });
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {format.format(value)}
      {!inBrowser && withTime && ' UTC'}
    </time>
  );
}
