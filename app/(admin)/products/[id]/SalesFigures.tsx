import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ProductView } from '@/server/queries/getProduct';
import { formatMoney } from '@/app/_components/money';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** Sales count orders that were not cancelled; "last ordered" counts every order. */
export function SalesFigures({ product }: { product: ProductView }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <Figure label="Total stock" value={product.stockTotal.toLocaleString('en-US')} testId="product-stock-total" />
      <Figure label="Units sold" value={product.unitsSold.toLocaleString('en-US')} testId="product-units-sold" />
      <Figure label="Revenue" value={formatMoney(product.revenueCents, product.currency)} testId="product-revenue" />
      <Figure
        label="Last ordered"
        value={product.lastOrderedAt ? product.lastOrderedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'Never'}
        testId="product-last-ordered"
      />
    </SimpleGrid>
  );
}
