'use client';

import { NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adjustStockInput } from '@/server/commands/adjustStock.input';
import type { ProductView } from '@/server/queries/getProduct';
import type { FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormActions } from '@/app/_components/FormActions';
import type { DescribedError } from '@/app/_components/trpcErrors';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useTRPC } from '@/app/_trpc/client';
import type { ProductPage } from './useProductPage';

const FIELDS = ['warehouseId', 'delta', 'reason'];
/** Refusals about the number of units: shown next to the delta. */
const DELTA_RULES = ['stock-below-zero', 'stock-above-maximum'];

function withRuleFields(error: DescribedError): DescribedError {
  if (!error.rule || !DELTA_RULES.includes(error.rule)) return error;
  return { ...error, fields: { ...error.fields, delta: [error.message] } };
}

/** A missing warehouse is asked for in words. */
function withWarehousePrompt(errors: FieldErrors): FieldErrors {
  return { ...errors, ...(errors.warehouseId && { warehouseId: ['Choose a warehouse'] }) };
}

/**
 * Stock levels carry their own version, which the read model does not show, so the
 * adjustment is sent without `expectedVersion`: the server applies the delta to whatever is
 * there under a row lock and refuses anything that would go below zero.
 */
export function AdjustStockForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const warehouses = useQuery(trpc.inventory.warehouses.queryOptions({}));
  const [warehouseId, setWarehouseId] = useState<string | null>(product.stockByWarehouse[0]?.warehouseId ?? null);
  const [delta, setDelta] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const adjust = useMutation(trpc.inventory.adjustStock.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(adjustStockInput, adjust, {
    clientErrors: withWarehousePrompt,
    serverError: withRuleFields,
  });
  const busy = adjust.isPending || page.navigating;
  const onHand = product.stockByWarehouse.find((s) => s.warehouseId === warehouseId)?.quantity ?? 0;

  const candidate = () => ({
    productId: product.id,
    warehouseId: warehouseId ?? '',
    delta: typeof delta === 'number' ? delta : Number.NaN,
    reason,
    commandId,
  });

  return (
    <form onSubmit={submit(candidate)} noValidate aria-label="Adjust stock">
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={FIELDS} onReload={() => page.reload(() => adjust.reset())} reloading={page.navigating} />
        <Select
          label="Warehouse"
          required
          placeholder={warehouses.isPending ? 'Loading warehouses…' : 'Choose a warehouse'}
          data={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          value={warehouseId}
          onChange={setWarehouseId}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No warehouse matches"
          error={fieldError('warehouseId') ?? (warehouses.isError ? 'Warehouses could not be loaded' : undefined)}
        />
        <NumberInput
          label="Change in units"
          description="Positive adds units, negative removes them"
          required
          allowDecimal={false}
          value={delta}
          onChange={setDelta}
          error={fieldError('delta')}
        />
        <TextInput label="Reason" required placeholder="e.g. Delivery received, stock count" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} />
        {warehouseId && (
          <Text size="sm" c="dimmed" role="status">
            {onHand} on hand here{typeof delta === 'number' && delta !== 0 ? `, ${onHand + delta} after this adjustment` : ''}.
          </Text>
        )}
        <FormActions submit="Save adjustment" busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
