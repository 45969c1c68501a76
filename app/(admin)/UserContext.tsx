'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from '@/server/auth/sessions';

const UserContext = createContext<SessionUser | null>(null);

export function UserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

/** The logged-in staff member; pages hide actions the role cannot take. */
export function useCurrentUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useCurrentUser outside the admin layout');
  return user;
}
