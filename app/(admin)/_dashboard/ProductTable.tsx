import { Anchor, Text } from '@mantine/core';
import Link from 'next/link';
import { DataTable, type Column } from '@/app/_components/DataTable';

interface ProductRow {
  id: string;
  name: string;
  sku: string;
}

const PRODUCT_COLUMN: Column<ProductRow> = {
  header: 'Product',
  cell: (p) => (
    <>
      <Anchor component={Link} href={`/products/${p.id}`}>
        {p.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {p.sku}
      </Text>
    </>
  ),
};

/** A dashboard table of products: each named (linking to its page) over its SKU, then `figures`. */
export function ProductTable<Row extends ProductRow>(props: { products: Row[]; figures: Column<Row>[]; labelledBy: string; testId: string }) {
  return (
    <DataTable
      striped
      aria-labelledby={props.labelledBy}
      data-testid={props.testId}
      rows={props.products}
      rowKey={(p) => p.id}
      columns={[PRODUCT_COLUMN, ...props.figures]}
    />
  );
}
