'use client';

import { Anchor, Button, NumberInput, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { MAX_LINE_QUANTITY } from '@/server/commands/placeOrder.input';
import { formatMoney } from '@/app/_components/money';
import type { DraftLine, DraftTotal } from './orderDraft';

export function DraftLines(props: {
  lines: DraftLine[];
  total: DraftTotal | undefined;
  errors: Record<string, string>;
  onQuantity: (productId: string, quantity: number | string) => void;
  onRemove: (productId: string) => void;
}) {
  const { lines, total, errors, onQuantity, onRemove } = props;
  if (lines.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No lines yet: add a product above.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Order lines" data-testid="draft-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">In stock</Table.Th>
            <Table.Th w={200}>Quantity</Table.Th>
            <Table.Th ta="right">Line total</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map(({ product, quantity }) => (
            <Table.Tr key={product.id} data-testid="draft-line">
              <Table.Td>
                <Anchor component={Link} href={`/products/${product.id}`} target="_blank">
                  {product.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  SKU {product.sku}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(product.priceCents, product.currency)}</Table.Td>
              <Table.Td ta="right">{product.stockTotal}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Quantity of ${product.name}`}
                  value={quantity}
                  onChange={(value) => onQuantity(product.id, value)}
                  min={1}
                  max={MAX_LINE_QUANTITY}
                  allowDecimal={false}
                  allowNegative={false}
                  error={errors[product.id]}
                />
              </Table.Td>
              <Table.Td ta="right">{typeof quantity === 'number' ? formatMoney(quantity * product.priceCents, product.currency) : '—'}</Table.Td>
              <Table.Td ta="right">
                <Button variant="subtle" color="red" size="xs" onClick={() => onRemove(product.id)} aria-label={`Remove ${product.name}`}>
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={4} ta="right">
              Total
            </Table.Th>
            <Table.Th ta="right" data-testid="draft-total">
              {total?.currency ? formatMoney(total.cents, total.currency) : '—'}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
