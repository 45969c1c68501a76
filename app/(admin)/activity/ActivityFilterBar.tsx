'use client';

import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import { sameText, useDraft } from '@/app/_components/useDraft';
import { AGGREGATE_TYPES } from './activityLinks';
import type { ActivityFilters } from './activityFilters';

interface Props {
  filters: ActivityFilters;
  onChange: (next: Partial<Omit<ActivityFilters, 'after'>>) => void;
}

export function ActivityFilterBar({ filters, onChange }: Props) {
  const trpc = useTRPC();
  const actors = useQuery(trpc.activity.actors.queryOptions());
  // Typing filters after a pause; a change from elsewhere (a row's "history", Clear) shows in the box.
  const [aggregateId, setAggregateId] = useDraft(filters.aggregateId, (id) => onChange({ aggregateId: id.trim() }), { delayMs: 300, same: sameText });

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
