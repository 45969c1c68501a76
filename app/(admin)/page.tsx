import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Dashboard } from './_dashboard/Dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return (
    <Suspense>
      <Dashboard />
    </Suspense>
  );
}
