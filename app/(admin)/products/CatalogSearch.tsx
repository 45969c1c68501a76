'use client';

import { Alert, Anchor, Badge, Card, Checkbox, Group, Loader, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { SORTS, type SearchProductsInput } from '@/server/queries/searchProducts.input';
import { useTRPC } from '../../_trpc/client';
import { Highlighted } from '../../_components/Highlight';
import { formatMoney } from '../../_components/money';

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  relevance: 'Relevance',
  'price:asc': 'Price, low to high',
  'price:desc': 'Price, high to low',
  'updated:desc': 'Recently updated',
  'name:asc': 'Name, A to Z',
  'stock:asc': 'Stock, low to high',
  'stock:desc': 'Stock, high to low',
  'sold:desc': 'Best selling',
};
const STATUSES = ['active', 'draft', 'archived'] as const;

/** Search state lives in the URL (`?q=…&status=…&sort=…&page=…`): shareable and reloadable. */
function useSearchState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = {
    q: params.get('q') ?? '',
    status: params.getAll('status').filter((s): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s)),
    sort: ((SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort') : 'relevance') as (typeof SORTS)[number],
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (next: Partial<typeof state>) => {
    const merged = { ...state, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    for (const s of merged.status) search.append('status', s);
    if (merged.sort !== 'relevance') search.set('sort', merged.sort);
    if (merged.page > 1) search.set('page', String(merged.page));
    router.replace(`${pathname}${search.size ? `?${search}` : ''}`, { scroll: false });
  };
  return [state, update] as const;
}

export function CatalogSearch() {
  const trpc = useTRPC();
  const [state, update] = useSearchState();
  const [text, setText] = useState(state.q);
  const [debounced] = useDebouncedValue(text, 200);
  useEffect(() => {
    if (debounced !== state.q) update({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const input: SearchProductsInput = {
    q: state.q,
    filters: state.status.length ? { status: state.status } : {},
    sort: state.sort,
    page: state.page,
    pageSize: 20,
  };
  const search = useQuery(trpc.search.products.queryOptions(input, { placeholderData: keepPreviousData }));
  const result = search.data;

  return (
    <Stack>
      <Title order={2}>Catalog</Title>
      <Group align="end">
        <TextInput
          label="Search products"
          placeholder="Name, SKU, brand, tag…"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={420}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
        />
        <Select
          label="Sort by"
          data={SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
          value={state.sort}
          onChange={(value) => update({ sort: (value ?? 'relevance') as (typeof SORTS)[number] })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <Group align="start" wrap="nowrap">
        <Stack w={200} gap="xs" aria-label="Filters">
          <Text fw={600} size="sm">
            Status
          </Text>
          {STATUSES.map((status) => (
            <Checkbox
              key={status}
              label={`${status} (${result?.facets.status[status] ?? 0})`}
              checked={state.status.includes(status)}
              onChange={(e) =>
                update({ status: e.currentTarget.checked ? [...state.status, status] : state.status.filter((s) => s !== status) })
              }
            />
          ))}
        </Stack>
        <Stack flex={1}>
          {search.isError && (
            <Alert color="red" role="alert">
              Search failed: {search.error.message}
            </Alert>
          )}
          {search.isPending && <Loader aria-label="Loading results" />}
          {result && (
            <Text size="sm" c="dimmed" role="status">
              {result.total} {result.total === 1 ? 'product' : 'products'}
            </Text>
          )}
          {result && result.hits.length === 0 && <Text>No product matches this search.</Text>}
          {result?.hits.map((hit) => (
            <Card key={hit.id} withBorder padding="sm" data-testid="search-hit">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor component={Link} href={`/products/${hit.id}`} fw={600}>
                    <Highlighted segments={hit.highlights.name} />
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <Highlighted segments={hit.highlights.sku} /> · {hit.brand ?? 'no brand'} · {hit.categoryPath.join(' › ') || 'uncategorized'}
                  </Text>
                  {hit.highlights.description.length > 0 && (
                    <Text size="sm" lineClamp={2}>
                      <Highlighted segments={hit.highlights.description} />
                    </Text>
                  )}
                </Stack>
                <Stack gap={4} align="end">
                  <Text fw={600}>{formatMoney(hit.priceCents, hit.currency)}</Text>
                  <Badge variant="light" color={hit.status === 'active' ? 'green' : 'gray'}>
                    {hit.status}
                  </Badge>
                </Stack>
              </Group>
            </Card>
          ))}
          {result && result.totalPages > 1 && (
            <Pagination total={result.totalPages} value={state.page} onChange={(page) => update({ page })} aria-label="Result pages" />
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
