'use client';

import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createProductInput } from '@/server/commands/createProduct.input';
import { useTRPC } from '../../../_trpc/client';
import { describeError } from '../../../_components/trpcErrors';
import { useCategoryOptions } from '../../categories/useCategoryOptions';
import { useCurrentUser } from '../../UserContext';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK'];

export function NewProductForm() {
  const user = useCurrentUser();
  const trpc = useTRPC();
  const router = useRouter();
  const categories = useCategoryOptions();
  // One id per filled-in form: a double submit or a retry after a timeout creates one product.
  const [commandId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({
    sku: '',
    name: '',
    description: '',
    brand: '',
    categoryId: null as string | null,
    price: '' as number | string,
    currency: 'EUR',
    tags: [] as string[],
    status: 'active' as 'active' | 'draft',
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
  const fieldError = (name: string) => (clientErrors[name] ?? serverError?.fields[name])?.join(', ');
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

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
          <Group grow align="start">
            <TextInput label="SKU" required value={form.sku} onChange={(e) => set('sku', e.currentTarget.value)} error={fieldError('sku')} />
            <TextInput label="Brand" value={form.brand} onChange={(e) => set('brand', e.currentTarget.value)} error={fieldError('brand')} />
          </Group>
          <TextInput label="Name" required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={fieldError('description')}
          />
          <Group grow align="start">
            <NumberInput
              label="Price"
              required
              min={0}
              decimalScale={2}
              fixedDecimalScale
              value={form.price}
              onChange={(value) => set('price', value)}
              error={fieldError('priceCents')}
            />
            <Select label="Currency" data={CURRENCIES} value={form.currency} onChange={(v) => set('currency', v ?? 'EUR')} allowDeselect={false} error={fieldError('currency')} />
          </Group>
          <Select
            label="Category"
            placeholder={categories.loading ? 'Loading categories…' : 'Uncategorized'}
            data={categories.options}
            value={form.categoryId}
            onChange={(value) => set('categoryId', value)}
            searchable
            clearable
            error={fieldError('categoryId') ?? (categories.failed ? 'Categories could not be loaded' : undefined)}
          />
          <TagsInput label="Tags" description="Press Enter after each tag" value={form.tags} onChange={(tags) => set('tags', tags)} error={fieldError('tags')} />
          <div>
            <Text size="sm" fw={500} mb={4} id="status-label">
              Status
            </Text>
            <SegmentedControl
              aria-labelledby="status-label"
              value={form.status}
              onChange={(v) => set('status', v as 'active' | 'draft')}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'draft', label: 'Draft' },
              ]}
            />
          </div>
          <Group justify="end">
            <Button type="submit" loading={create.isPending} disabled={create.isSuccess}>
              Create product
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
