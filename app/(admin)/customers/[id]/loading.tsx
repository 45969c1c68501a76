import { Group, Skeleton, Stack } from '@mantine/core';

export default function LoadingCustomer() {
  return (
    <Stack aria-busy="true" aria-label="Loading customer">
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
