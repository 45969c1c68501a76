'use client';

import { Alert, Box, Button, Card, EmptyState, Group, Loader, Pagination, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SORTS } from '@/server/queries/searchProducts.input';
import { useTRPC } from '@/app/_trpc/client';
import { useDraft } from '@/app/_components/useDraft';
import { useUrlState } from '@/app/_components/useUrlState';
import { SearchFacets } from './SearchFacets';
import { SearchHit } from './SearchHits';
import { EMPTY_SEARCH, hasFilters, parseSearch, searchInputOf, searchParamsOf, type Sort } from './searchState';

const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Relevance',
  'price:asc': 'Price, low to high',
  'price:desc': 'Price, high to low',
  'updated:desc': 'Recently updated',
  'name:asc': 'Name, A to Z',
  'stock:asc': 'Stock, low to high',
  'stock:desc': 'Stock, high to low',
  'sold:desc': 'Best selling',
};

function LoadingHits() {
  return (
    <Stack aria-label="Loading results" aria-busy>
      {Array.from({ length: 5 }, (_, i) => (
        <Card key={i} withBorder padding="sm">
          <Skeleton height={14} width="40%" />
          <Skeleton height={10} width="60%" mt={8} />
          <Skeleton height={10} width="80%" mt={8} />
        </Card>
      ))}
    </Stack>
  );
}

export function CatalogSearch() {
  const trpc = useTRPC();
  // Shallow on purpose: the results come from tRPC in the browser, so the address changes through
  // the History API without the server round trip a router navigation makes, and a ticked facet
  // shows at once. Typing replaces the history entry; a facet, a sort or a new page adds one, so
  // Back undoes it.
  const [state, update] = useUrlState(parseSearch, searchParamsOf, { history: 'push', shallow: true, resetPage: true });
  const [text, setText] = useDraft(state.q, (q) => update({ q }, 'replace'), { delayMs: 200 });
  const search = useQuery(trpc.search.products.queryOptions(searchInputOf(state), { placeholderData: keepPreviousData }));
  const result = search.data;
  const clear = () => update(EMPTY_SEARCH);

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
          rightSection={search.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        />
        <Select
          label="Sort by"
          data={SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
          value={state.sort}
          onChange={(value) => update({ sort: (value ?? 'relevance') as Sort })}
          allowDeselect={false}
          w={220}
        />
        {hasFilters(state) && (
          <Button variant="subtle" onClick={clear}>
            Clear search and filters
          </Button>
        )}
      </Group>
      <Group align="start" wrap="nowrap" gap="xl">
        <SearchFacets state={state} update={update} facets={result?.facets} />
        <Stack flex={1} miw={0}>
          {search.isError && (
            <Alert color="red" role="alert" title="Search failed">
              <Text size="sm">{search.error.message}</Text>
              <Button size="xs" variant="light" color="red" mt="sm" onClick={() => search.refetch()} loading={search.isFetching}>
                Try again
              </Button>
            </Alert>
          )}
          {search.isPending && !search.isError && <LoadingHits />}
          {result && (
            <Text size="sm" c="dimmed" role="status" data-testid="search-total">
              {result.total} {result.total === 1 ? 'product' : 'products'}
            </Text>
          )}
          {result && result.hits.length === 0 && (
            <EmptyState title="No product matches this search" description="Try other words, or fewer filters.">
              {hasFilters(state) && (
                <EmptyState.Actions>
                  <Button variant="light" onClick={clear}>
                    Clear search and filters
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
          {result && result.hits.length > 0 && (
            <Box component="ul" p={0} m={0} style={{ listStyle: 'none', opacity: search.isPlaceholderData ? 0.6 : 1 }} aria-label="Results">
              <Stack gap="sm">
                {result.hits.map((hit) => (
                  <SearchHit key={hit.id} hit={hit} />
                ))}
              </Stack>
            </Box>
          )}
          {result && result.totalPages > 1 && (
            <Pagination
              total={result.totalPages}
              value={state.page}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
