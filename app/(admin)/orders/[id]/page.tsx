import { Card, Grid, GridCol, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getOrderInput } from '@/server/queries/getOrder.input';
import { pageAnswer } from '@/app/_trpc/pageAnswer';
import { DateTime } from '@/app/_components/DateTime';
import { LabelledCard } from '@/app/_components/Figure';
import { AnchorLink } from '@/app/_components/links';
import { formatMoney } from '@/app/_components/money';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { NotVisibleYet } from '@/app/_components/NotVisibleYet';
import { OrderStatusBadge } from '@/app/(admin)/orders/OrderStatusBadge';
import { shortId } from '@/app/(admin)/orders/shortId';
import { OrderActions } from './OrderActions';
import { OrderLines } from './OrderLines';
import { StatusTimeline } from './StatusTimeline';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  const { id } = await props.params;
  const { after } = await props.searchParams;
  const answer = await pageAnswer(getOrderInput.safeParse({ id, after }), (caller, input) => caller.orders.get(input));
  if (!answer) return <NotVisibleYet what="order" />;
  const { order, fresh } = answer;
  return (
    <Stack>
      <NotFreshAlert fresh={fresh} />
      <Group justify="space-between" align="start">
        <div>
          <Group gap="sm">
            <Title order={2}>Order {shortId(order.id)}</Title>
            <span data-testid="order-status">
              <OrderStatusBadge status={order.status} size="lg" />
            </span>
          </Group>
          <Text c="dimmed" size="sm">
            {order.id} · version {order.version}
          </Text>
        </div>
        <OrderActions order={{ id: order.id, status: order.status, version: order.version }} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <LabelledCard label="Customer">
          <AnchorLink href={`/customers/${order.customerId}`} size="lg" data-testid="order-customer">
            {order.customerName}
          </AnchorLink>
          <Text size="sm" c="dimmed">
            {order.customerEmail}
          </Text>
        </LabelledCard>
        <LabelledCard label="Total">
          <Text size="xl" fw={700}>
            {formatMoney(order.totalCents, order.currency)}
          </Text>
          <Text size="sm" c="dimmed">
            {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'} in {order.lineCount} {order.lineCount === 1 ? 'line' : 'lines'}
          </Text>
        </LabelledCard>
        <LabelledCard label="Placed">
          <Text size="lg">
            <DateTime value={order.placedAt} />
          </Text>
          <Text size="sm" c="dimmed">
            Last change <DateTime value={order.updatedAt} />
          </Text>
        </LabelledCard>
      </SimpleGrid>
      <Grid>
        <GridCol span={{ base: 12, lg: 8 }}>
          <Card withBorder component="section" aria-labelledby="lines-title">
            <Title order={3} size="h4" mb="sm" id="lines-title">
              Lines
            </Title>
            <OrderLines lines={order.items} currency={order.currency} totalCents={order.totalCents} />
          </Card>
        </GridCol>
        <GridCol span={{ base: 12, lg: 4 }}>
          <Card withBorder component="section" aria-labelledby="status-history-title">
            <Title order={3} size="h4" mb="sm" id="status-history-title">
              Status history
            </Title>
            <StatusTimeline history={order.history} />
          </Card>
        </GridCol>
      </Grid>
    </Stack>
  );
}
