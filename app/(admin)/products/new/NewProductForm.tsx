'use client';

import { Alert, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createProductInput } from '@/server/commands/createProduct.input';
import { useTRPC } from '@/app/_trpc/client';
import { messagesFor } from '@/app/_components/checkInput';
import { FormActions } from '@/app/_components/FormActions';
import { describeError } from '@/app/_components/trpcErrors';
import { useFormValues } from '@/app/_components/useFormValues';
import { ProductFields, type ProductFieldValues } from '@/app/(admin)/products/ProductFields';
import { useCurrentUser } from '@/app/(admin)/UserContext';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK'];

export function NewProductForm() {
  const user = useCurrentUser();
  const trpc = useTRPC();
  const router = useRouter();
  // One id per filled-in form: a double submit or a retry after a timeout creates one product.
  const [commandId] = useState(() => crypto.randomUUID());
  const [form, setFields] = useFormValues({
    sku: '',
    name: '',
    description: '',
    brand: '',
    categoryId: null as string | null,
    price: '' as number | string,
    currency: 'EUR',
    tags: [] as string[],
    status: 'active' as ProductFieldValues['status'],
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string[] | undefined>>({});
  const create = useMutation(
    trpc.catalog.createProduct.mutationOptions({
      onSuccess: (result) => router.push(`/products/${result.id}?after=${encodeURIComponent(result.position)}`),
    }),
  );

  if (user.role !== 'admin') {
    return <Alert color="gray">Your role ({user.role}) can look at the catalog but not add products.</Alert>;
  }

  const serverError = create.error ? describeError(create.error) : undefined;
  const fieldError = (name: string) => messagesFor(name, clientErrors, serverError?.fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      sku: form.sku,
      name: form.name,
      description: form.description,
      brand: form.brand.trim() || undefined,
      categoryId: form.categoryId ?? undefined,
      priceCents: typeof form.price === 'number' ? Math.round(form.price * 100) : Number.NaN,
      currency: form.currency,
      tags: form.tags,
      status: form.status,
      commandId,
    };
    const parsed = createProductInput.safeParse(candidate);
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setClientErrors({});
    create.mutate(candidate);
  };

  return (
    <Stack maw={720}>
      <Title order={2}>New product</Title>
      <Paper component="form" withBorder p="lg" onSubmit={submit} noValidate aria-label="New product">
        <Stack>
          {serverError && Object.keys(serverError.fields).length === 0 && (
            <Alert color="red" role="alert">
              {serverError.message}
            </Alert>
          )}
          <ProductFields
            value={form}
            onChange={setFields}
            error={fieldError}
            sku={<TextInput label="SKU" required value={form.sku} onChange={(e) => setFields({ sku: e.currentTarget.value })} error={fieldError('sku')} />}
            pricing={
              <Group grow align="start">
                <NumberInput
                  label="Price"
                  required
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  value={form.price}
                  onChange={(price) => setFields({ price })}
                  error={fieldError('priceCents')}
                />
                <Select
                  label="Currency"
                  data={CURRENCIES}
                  value={form.currency}
                  onChange={(v) => setFields({ currency: v ?? 'EUR' })}
                  allowDeselect={false}
                  error={fieldError('currency')}
                />
              </Group>
            }
          />
          <FormActions submit="Create product" busy={create.isPending} disabled={create.isSuccess} />
        </Stack>
      </Paper>
    </Stack>
  );
}
