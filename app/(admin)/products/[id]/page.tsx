import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getProductInput } from '@/server/queries/getProduct';
import { orNotFound, serverCaller } from '@/app/_trpc/server';
import { formatMoney } from '@/app/_components/money';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { RefreshUntilFresh } from '@/app/_components/RefreshUntilFresh';
import { ProductActions } from './ProductActions';
import { SalesFigures } from './SalesFigures';
import { StockByWarehouse } from './StockByWarehouse';

export const metadata: Metadata = { title: 'Product' };

const STATUS_COLORS: Record<string, string> = { active: 'green', draft: 'yellow', archived: 'gray' };

export default async function ProductPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  const { id } = await props.params;
  const { after } = await props.searchParams;
  const input = getProductInput.safeParse({ id, after });
  if (!input.success) notFound();
  const caller = await serverCaller();
  const answer = await orNotFound(caller.catalog.product(input.data));
  if (!answer) {
    if (after) {
      return (
        <Alert color="yellow" role="status" title="Not visible yet">
          This product was saved, but the read model has not caught up yet. The page shows it as soon as it arrives.
          <RefreshUntilFresh />
        </Alert>
      );
    }
    notFound();
  }
  const { product, fresh } = answer;
  return (
    <Stack>
      <NotFreshAlert fresh={fresh} />
      {!fresh && <RefreshUntilFresh />}
      <Group justify="space-between" align="start">
        <div>
          <Group gap="sm">
            <Title order={2}>{product.name}</Title>
            <Badge size="lg" variant="light" color={STATUS_COLORS[product.status] ?? 'gray'} data-testid="product-status">
              {product.status}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            SKU {product.sku} · version {product.version}
          </Text>
        </div>
        <ProductActions product={product} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Price
          </Text>
          <Text size="xl" fw={700} data-testid="product-price">
            {formatMoney(product.priceCents, product.currency)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Brand
          </Text>
          <Text size="lg" data-testid="product-brand">
            {product.brand ?? '—'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Category
          </Text>
          <Text size="lg" data-testid="product-category">
            {product.categoryPath.join(' › ') || 'Uncategorized'}
          </Text>
        </Card>
      </SimpleGrid>
      <SalesFigures product={product} />
      <StockByWarehouse stock={product.stockByWarehouse} total={product.stockTotal} />
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Tags
        </Text>
        <Group gap="xs" mt={4} data-testid="product-tags">
          {product.tags.length === 0 ? <Text>None</Text> : product.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
        </Group>
      </Card>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Description
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
          {product.description || 'No description.'}
        </Text>
      </Card>
      <Text size="xs" c="dimmed">
        Created {product.createdAt.toISOString()} · updated {product.updatedAt.toISOString()}
      </Text>
    </Stack>
  );
}
