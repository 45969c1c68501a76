'use client';

import { NumberInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { changePriceInput } from '@/server/commands/changePrice.input';
import type { ProductView } from '@/server/queries/getProduct';
import { toCents } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormActions } from '@/app/_components/FormActions';
import { formatMoney } from '@/app/_components/money';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useTRPC } from '@/app/_trpc/client';
import type { ProductPage } from './useProductPage';

export function ChangePriceForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const [price, setPrice] = useState<number | string>(product.priceCents / 100);
  const change = useMutation(trpc.catalog.changePrice.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(changePriceInput, change);
  const busy = change.isPending || page.navigating;

  return (
    <form onSubmit={submit(() => ({ id: product.id, expectedVersion: product.version, priceCents: toCents(price), commandId }))} noValidate aria-label="Change price">
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={['priceCents']} onReload={() => page.reload(() => change.reset())} reloading={page.navigating} />
        <Text size="sm">
          Current price: <strong>{formatMoney(product.priceCents, product.currency)}</strong>
        </Text>
        <NumberInput
          label={`New price (${product.currency})`}
          required
          min={0}
          decimalScale={2}
          fixedDecimalScale
          value={price}
          onChange={setPrice}
          error={fieldError('priceCents')}
          data-autofocus
        />
        <FormActions submit="Save price" busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
