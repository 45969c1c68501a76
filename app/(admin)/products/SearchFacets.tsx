'use client';

import { Button, Checkbox, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PRODUCT_STATUSES_IN_UI_ORDER } from '@/db/write/statuses';
import type { SearchProductsResult } from '@/server/queries/searchProducts';
import { useDraft } from '@/app/_components/useDraft';
import type { UpdateUrlState } from '@/app/_components/useUrlState';
import { facetEntries, type SearchState } from './searchState';

type Facets = SearchProductsResult['facets'] | undefined;
type Update = UpdateUrlState<SearchState>;

const FIRST_VALUES = 8;
const label = (value: string, count: number) => `${value} (${count})`;

/** A facet's values as checkboxes with their counts; long lists open on request. */
function CheckboxFacet(props: { title: string; entries: { value: string; count: number }[]; value: string[]; onChange: (value: string[]) => void }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? props.entries : props.entries.slice(0, FIRST_VALUES);
  if (props.entries.length === 0) return null;
  return (
    <Checkbox.Group label={props.title} value={props.value} onChange={props.onChange}>
      <Stack gap={6} mt={6}>
        {shown.map((entry) => (
          <Checkbox key={entry.value} value={entry.value} label={label(entry.value, entry.count)} />
        ))}
        {props.entries.length > FIRST_VALUES && (
          <Button variant="subtle" size="compact-xs" onClick={() => setExpanded((e) => !e)} w="fit-content">
            {expanded ? 'Show fewer' : `Show ${props.entries.length - FIRST_VALUES} more`}
          </Button>
        )}
      </Stack>
    </Checkbox.Group>
  );
}

function CategoryFacet({ counts, value, onChange }: { counts: Record<string, number> | undefined; value: string | null; onChange: (v: string | null) => void }) {
  const [expanded, setExpanded] = useState(false);
  const entries = facetEntries(counts, value ? [value] : []);
  const shown = expanded ? entries : entries.slice(0, FIRST_VALUES);
  if (entries.length === 0) return null;
  return (
    <Radio.Group label="Category" value={value ?? ''} onChange={(v) => onChange(v || null)}>
      <Stack gap={6} mt={6}>
        <Radio value="" label="Any category" />
        {shown.map((entry) => (
          <Radio key={entry.value} value={entry.value} label={label(entry.value, entry.count)} />
        ))}
        {entries.length > FIRST_VALUES && (
          <Button variant="subtle" size="compact-xs" onClick={() => setExpanded((e) => !e)} w="fit-content">
            {expanded ? 'Show fewer' : `Show ${entries.length - FIRST_VALUES} more`}
          </Button>
        )}
      </Stack>
    </Radio.Group>
  );
}

function PriceRange({ state, update }: { state: SearchState; update: Update }) {
  const toPrice = (v: number | string) => (typeof v === 'number' ? v : null);
  const [min, setMin] = useDraft<number | string>(state.minPrice ?? '', (v) => update({ minPrice: toPrice(v) }, 'replace'), { delayMs: 400 });
  const [max, setMax] = useDraft<number | string>(state.maxPrice ?? '', (v) => update({ maxPrice: toPrice(v) }, 'replace'), { delayMs: 400 });
  const inverted = typeof min === 'number' && typeof max === 'number' && min > max;
  return (
    <div>
      <Text size="sm" fw={500}>
        Price
      </Text>
      <Group gap="xs" grow mt={6} align="start">
        <NumberInput label="Min price" min={0} decimalScale={2} value={min} onChange={setMin} size="xs" hideControls />
        <NumberInput
          label="Max price"
          min={0}
          decimalScale={2}
          value={max}
          onChange={setMax}
          size="xs"
          hideControls
          error={inverted ? 'Below the minimum' : undefined}
        />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        In each product&apos;s own currency
      </Text>
    </div>
  );
}

/** Filters with counts for the current search (each facet counted as if its own filter were off). */
export function SearchFacets({ state, update, facets }: { state: SearchState; update: Update; facets: Facets }) {
  const stockCounts = { in: facets?.inStock.true ?? 0, out: facets?.inStock.false ?? 0 };
  return (
    <Stack w={240} gap="lg" component="section" aria-label="Filters">
      <CategoryFacet counts={facets?.categoryPath} value={state.category} onChange={(category) => update({ category })} />
      <CheckboxFacet title="Brand" entries={facetEntries(facets?.brand, state.brand)} value={state.brand} onChange={(brand) => update({ brand })} />
      <Checkbox.Group label="Availability" value={state.stock} onChange={(stock) => update({ stock: stock as SearchState['stock'] })}>
        <Stack gap={6} mt={6}>
          <Checkbox value="in" label={label('In stock', stockCounts.in)} />
          <Checkbox value="out" label={label('Out of stock', stockCounts.out)} />
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group label="Status" value={state.status} onChange={(status) => update({ status: status as SearchState['status'] })}>
        <Stack gap={6} mt={6}>
          {PRODUCT_STATUSES_IN_UI_ORDER.map((status) => (
            <Checkbox key={status} value={status} label={label(status, facets?.status[status] ?? 0)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <CheckboxFacet title="Tags" entries={facetEntries(facets?.tags, state.tags)} value={state.tags} onChange={(tags) => update({ tags })} />
      <PriceRange state={state} update={update} />
    </Stack>
  );
}
