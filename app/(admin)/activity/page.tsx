import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActivityList } from './ActivityList';

export const metadata: Metadata = { title: 'Activity' };

export default function ActivityPage() {
  return (
    <Suspense>
      <ActivityList />
    </Suspense>
  );
}
