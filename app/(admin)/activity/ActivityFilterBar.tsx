'use client';

import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../_trpc/client';
import { AGGREGATE_TYPES } from './activityLinks';
import type { ActivityFilters } from './useActivityFilters';

interface Props {
  filters: ActivityFilters;
  onChange: (next: Partial<Omit<ActivityFilters, 'after'>>) => void;
}

export function ActivityFilterBar({ filters, onChange }: Props) {
  const trpc = useTRPC();
  const actors = useQuery(trpc.activity.actors.queryOptions());
  const [aggregateId, setAggregateId] = useState(filters.aggregateId);
  const [debouncedId] = useDebouncedValue(aggregateId.trim(), 300);
  // Typing filters after a pause; a change from elsewhere (a link, "filter by this") shows in the box.
  useEffect(() => {
    if (debouncedId !== filters.aggregateId) onChange({ aggregateId: debouncedId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedId]);
  const [urlId, setUrlId] = useState(filters.aggregateId);
  if (urlId !== filters.aggregateId) {
    setUrlId(filters.aggregateId);
    // Not an echo of what was typed: show it (and never overwrite typing in progress with its own echo).
    if (filters.aggregateId !== debouncedId) setAggregateId(filters.aggregateId);
  }

  const typeOptions: { value: string; label: string }[] = AGGREGATE_TYPES.map((t) => ({ value: t.value, label: t.label }));
  if (filters.aggregateType && !typeOptions.some((t) => t.value === filters.aggregateType)) {
    typeOptions.push({ value: filters.aggregateType, label: filters.aggregateType });
  }
  const actorOptions = (actors.data ?? []).map((a) => ({ value: a.id, label: `${a.name ?? 'Unknown'} (${a.email ?? a.id})` }));
  if (filters.actorId && !actorOptions.some((a) => a.value === filters.actorId)) {
    actorOptions.push({ value: filters.actorId, label: filters.actorId });
  }
  const filtered = Boolean(filters.aggregateType || filters.aggregateId || filters.actorId);

  return (
    <Group align="end" role="search" aria-label="Filter activity">
      <Select
        label="Aggregate type"
        placeholder="Any"
        data={typeOptions}
        value={filters.aggregateType || null}
        onChange={(value) => onChange({ aggregateType: value ?? '' })}
        clearable
        w={200}
      />
      <TextInput label="Aggregate id" placeholder="Any" value={aggregateId} onChange={(e) => setAggregateId(e.currentTarget.value)} w={340} />
      <Select
        label="Actor"
        placeholder={actors.isPending ? 'Loading staff…' : 'Anyone'}
        data={actorOptions}
        value={filters.actorId || null}
        onChange={(value) => onChange({ actorId: value ?? '' })}
        clearable
        searchable
        w={280}
        error={actors.isError ? 'Staff could not be loaded' : undefined}
      />
      {filtered && (
        <Button variant="subtle" onClick={() => onChange({ aggregateType: '', aggregateId: '', actorId: '' })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
