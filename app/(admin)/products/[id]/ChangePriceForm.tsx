'use client';

import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePriceInput } from '@/server/commands/changePrice.input';
import type { ProductView } from '@/server/queries/getProduct';
import { checkInput, messagesFor, toCents, type FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { formatMoney } from '@/app/_components/money';
import { describeError } from '@/app/_components/trpcErrors';
import { useTRPC } from '@/app/_trpc/client';
import type { ProductPage } from './useProductPage';

export function ChangePriceForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const [price, setPrice] = useState<number | string>(product.priceCents / 100);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const change = useMutation(trpc.catalog.changePrice.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const serverError = change.error ? describeError(change.error) : undefined;
  const busy = change.isPending || page.navigating;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInput(changePriceInput, { id: product.id, expectedVersion: product.version, priceCents: toCents(price), commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) change.mutate(checked.value);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Change price">
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
          error={messagesFor('priceCents', clientErrors, serverError?.fields)}
          data-autofocus
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save price
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
