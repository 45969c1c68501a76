'use client';

import { Text, Timeline } from '@mantine/core';
import type { OrderStatus } from '@/db/write/schema';
import type { StatusChange } from '@/server/queries/orderHistory';
import { DateTime } from '@/app/_components/DateTime';

const WHAT_HAPPENED: Record<OrderStatus, string> = {
  placed: 'Placed',
  paid: 'Paid',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

export function StatusTimeline({ history }: { history: StatusChange[] }) {
  return (
    <Timeline active={history.length - 1} bulletSize={16} lineWidth={2} data-testid="status-history">
      {history.map((change) => (
        <Timeline.Item key={change.status} title={WHAT_HAPPENED[change.status]} color={change.status === 'cancelled' ? 'gray' : undefined}>
          <Text size="xs" c="dimmed">
            <DateTime value={change.at} />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
