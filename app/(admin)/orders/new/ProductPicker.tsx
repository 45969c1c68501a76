'use client';

import { Checkbox, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { formatMoney } from '@/app/_components/money';
import type { PickedProduct } from './orderDraft';

/** Adds a line: a search over the catalog's active products, with price and stock, skipping those already in the order. */
export function ProductPicker({ onPick, exclude, error }: { onPick: (product: PickedProduct) => void; exclude: ReadonlySet<string>; error?: string | undefined }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [inStockOnly, setInStockOnly] = useState(true);
  const [debounced] = useDebouncedValue(search, 200);
  const products = useQuery(
    trpc.search.products.queryOptions(
      { q: debounced.trim(), filters: { status: ['active'], ...(inStockOnly && { inStock: true }) }, sort: debounced.trim() ? 'relevance' : 'name:asc', pageSize: 20 },
      { placeholderData: keepPreviousData },
    ),
  );
  const hits = (products.data?.hits ?? []).filter((hit) => !exclude.has(hit.id));

  return (
    <Group align="end" gap="sm">
      <Select
        label="Add a product"
        placeholder="Search by name, SKU, brand…"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        value={null}
        data={hits.map((hit) => ({ value: hit.id, label: `${hit.name} (${hit.sku})` }))}
        filter={({ options }) => options}
        onChange={(id) => {
          const hit = hits.find((h) => h.id === id);
          if (!hit) return;
          onPick({ id: hit.id, sku: hit.sku, name: hit.name, priceCents: hit.priceCents, currency: hit.currency, stockTotal: hit.stockTotal });
          setSearch('');
        }}
        nothingFoundMessage={products.isPending ? 'Loading products…' : products.isError ? 'Products could not be loaded' : 'No product matches'}
        error={error}
        w={460}
        renderOption={({ option }) => {
          const hit = hits.find((h) => h.id === option.value);
          if (!hit) return option.label;
          return (
            <Group justify="space-between" wrap="nowrap" w="100%">
              <div>
                <Text size="sm">{hit.name}</Text>
                <Text size="xs" c="dimmed">
                  SKU {hit.sku}
                </Text>
              </div>
              <div style={{ textAlign: 'right' }}>
                <Text size="sm">{formatMoney(hit.priceCents, hit.currency)}</Text>
                <Text size="xs" c={hit.stockTotal > 0 ? 'dimmed' : 'red'}>
                  {hit.stockTotal} in stock
                </Text>
              </div>
            </Group>
          );
        }}
      />
      <Checkbox label="Only products in stock" checked={inStockOnly} onChange={(e) => setInStockOnly(e.currentTarget.checked)} mb={8} />
    </Group>
  );
}
