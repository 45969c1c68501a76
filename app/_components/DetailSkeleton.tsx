import { Group, Skeleton, Stack } from '@mantine/core';

/** A detail page while it loads: a title, three figures and the main section. */
export function DetailSkeleton({ label }: { label: string }) {
  return (
    <Stack aria-busy="true" aria-label={label}>
      <Skeleton height={36} width="40%" />
      <Group grow>
        <Skeleton height={96} />
        <Skeleton height={96} />
        <Skeleton height={96} />
      </Group>
      <Skeleton height={240} />
    </Stack>
  );
}
