import { SimpleGrid } from '@mantine/core';
import type { ProductView } from '@/server/queries/getProduct';
import { FigureCard } from '@/app/_components/Figure';
import { formatMoney } from '@/app/_components/money';

/** Sales count orders that were not cancelled; "last ordered" counts every order. */
export function SalesFigures({ product }: { product: ProductView }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <FigureCard label="Total stock" value={product.stockTotal.toLocaleString('en-US')} testId="product-stock-total" />
      <FigureCard label="Units sold" value={product.unitsSold.toLocaleString('en-US')} testId="product-units-sold" />
      <FigureCard label="Revenue" value={formatMoney(product.revenueCents, product.currency)} testId="product-revenue" />
      <FigureCard
        label="Last ordered"
        value={product.lastOrderedAt ? product.lastOrderedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'Never'}
        testId="product-last-ordered"
      />
    </SimpleGrid>
  );
}
