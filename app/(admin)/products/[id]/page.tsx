import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getProductInput } from '@/server/queries/getProduct';
import { pageAnswer } from '@/app/_trpc/pageAnswer';
import { FigureCard, LabelledCard } from '@/app/_components/Figure';
import { formatMoney } from '@/app/_components/money';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { NotVisibleYet } from '@/app/_components/NotVisibleYet';
import { RefreshUntilFresh } from '@/app/_components/RefreshUntilFresh';
import { ProductActions } from './ProductActions';
import { SalesFigures } from './SalesFigures';
import { StockByWarehouse } from './StockByWarehouse';

export const metadata: Metadata = { title: 'Product' };

const STATUS_COLORS: Record<string, string> = { active: 'green', draft: 'yellow', archived: 'gray' };

export default async function ProductPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  const { id } = await props.params;
  const { after } = await props.searchParams;
  const answer = await pageAnswer(getProductInput.safeParse({ id, after }), (caller, input) => caller.catalog.product(input));
  if (!answer) return <NotVisibleYet what="product" refreshing />;
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
        <FigureCard label="Price" value={formatMoney(product.priceCents, product.currency)} testId="product-price" />
        <FigureCard label="Brand" value={product.brand ?? '—'} testId="product-brand" size="lg" />
        <FigureCard label="Category" value={product.categoryPath.join(' › ') || 'Uncategorized'} testId="product-category" size="lg" />
      </SimpleGrid>
      <SalesFigures product={product} />
      <StockByWarehouse stock={product.stockByWarehouse} total={product.stockTotal} />
      <LabelledCard label="Tags">
        <Group gap="xs" mt={4} data-testid="product-tags">
          {product.tags.length === 0 ? <Text>None</Text> : product.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
        </Group>
      </LabelledCard>
      <LabelledCard label="Description">
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
          {product.description || 'No description.'}
        </Text>
      </LabelledCard>
      <Text size="xs" c="dimmed">
        Created {product.createdAt.toISOString()} · updated {product.updatedAt.toISOString()}
      </Text>
    </Stack>
  );
}
