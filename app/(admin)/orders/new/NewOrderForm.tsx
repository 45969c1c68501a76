'use client';

import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { placeOrderInput } from '@/server/commands/placeOrder.input';
import { useTRPC } from '@/app/_trpc/client';
import { describeError, wasRefused } from '@/app/_components/trpcErrors';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { DraftLines } from './DraftLines';
import { draftTotal, errorsFromIssues, errorsFromRefusal, type DraftErrors, type DraftLine, type PickedProduct } from './orderDraft';
import { ProductPicker } from './ProductPicker';

const NO_ERRORS: DraftErrors = { byProduct: {} };

export function NewOrderForm({ presetCustomerId }: { presetCustomerId: string | undefined }) {
  const user = useCurrentUser();
  const trpc = useTRPC();
  const router = useRouter();
  // One id per attempt: a double submit or a retry after a lost answer places one order.
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const preset = useQuery(trpc.customers.get.queryOptions({ id: presetCustomerId ?? '', ordersPageSize: 1 }, { enabled: Boolean(presetCustomerId) }));
  const [picked, setPicked] = useState<PickedCustomer | null | undefined>(undefined);
  const customer = picked === undefined ? (preset.data?.customer ?? null) : picked;
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const place = useMutation(
    trpc.orders.place.mutationOptions({
      onSuccess: (result) => router.push(`/orders/${result.id}?after=${encodeURIComponent(result.position)}`),
      onError: (error) => {
        const refusal = describeError(error);
        setErrors(errorsFromRefusal(refusal, lines));
        if (wasRefused(refusal)) setCommandId(crypto.randomUUID());
      },
    }),
  );

  if (user.role !== 'admin') {
    return <Alert color="gray">Your role ({user.role}) can look at orders but not place them.</Alert>;
  }

  const total = draftTotal(lines);
  const busy = place.isPending || place.isSuccess;
  const clearLineError = (productId: string) =>
    setErrors((e) => ({ ...e, form: undefined, byProduct: Object.fromEntries(Object.entries(e.byProduct).filter(([id]) => id !== productId)) }));
  const addLine = (product: PickedProduct) => {
    setLines((current) => [...current, { product, quantity: 1 }]);
    setErrors((e) => ({ ...e, lines: undefined, form: undefined }));
  };
  const setQuantity = (productId: string, quantity: number | string) => {
    setLines((current) => current.map((line) => (line.product.id === productId ? { ...line, quantity } : line)));
    clearLineError(productId);
  };
  const removeLine = (productId: string) => {
    setLines((current) => current.filter((line) => line.product.id !== productId));
    clearLineError(productId);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      customerId: customer?.id ?? '',
      lines: lines.map((line) => ({ productId: line.product.id, quantity: typeof line.quantity === 'number' ? line.quantity : Number.NaN })),
      commandId,
    };
    const parsed = placeOrderInput.safeParse(candidate);
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues, lines));
      return;
    }
    setErrors(NO_ERRORS);
    place.mutate(parsed.data);
  };

  return (
    <Stack maw={960}>
      <Title order={2}>New order</Title>
      <Paper component="form" withBorder p="lg" onSubmit={submit} noValidate aria-label="New order">
        <Stack>
          {errors.form && (
            <Alert color="red" role="alert" title="The order was not placed">
              {errors.form}
            </Alert>
          )}
          <CustomerPicker
            value={customer}
            onChange={(next) => {
              setPicked(next);
              setErrors((e) => ({ ...e, customer: undefined, form: undefined }));
            }}
            error={errors.customer}
          />
          <ProductPicker onPick={addLine} exclude={new Set(lines.map((line) => line.product.id))} error={errors.lines} />
          <DraftLines lines={lines} total={total} errors={errors.byProduct} onQuantity={setQuantity} onRemove={removeLine} />
          {total && total.currency === null && (
            <Alert color="orange" role="status">
              These products are priced in different currencies ({total.currencies.join(', ')}); one order takes one currency.
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Prices and stock as the catalog shows them now; the order takes the price at the moment it is placed.
            </Text>
            <Button type="submit" loading={busy}>
              Place order
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
