import { Badge } from '@mantine/core';
import type { OrderStatus } from '@/db/write/schema';

const COLORS: Record<OrderStatus, string> = { placed: 'blue', paid: 'teal', shipped: 'green', cancelled: 'gray' };

export function OrderStatusBadge({ status, size = 'md' }: { status: OrderStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant="light" color={COLORS[status]} size={size}>
      {status}
    </Badge>
  );
}
