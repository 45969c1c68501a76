import { Group, Skeleton, Stack } from '@mantine/core';

export default function LoadingOrder() {
  return (
    <Stack aria-busy="true" aria-label="Loading order">
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
