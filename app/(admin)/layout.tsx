import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { serverCaller } from '@/app/_trpc/server';
import { AdminShell } from './AdminShell';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  });
  if (!me) redirect('/login');
  return <AdminShell user={me.user}>{children}</AdminShell>;
}
