'use client';

import type { ReactNode } from 'react';
import { useCurrentUser } from './UserContext';

/** Shows its content only to admins: a viewer sees no action it cannot take. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return useCurrentUser().role === 'admin' ? children : null;
}
