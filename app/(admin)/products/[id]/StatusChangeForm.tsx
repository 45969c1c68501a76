'use client';

import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProductView } from '@/server/queries/getProduct';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { describeError } from '@/app/_components/trpcErrors';
import { useTRPC } from '@/app/_trpc/client';
import type { ProductPage } from './useProductPage';

/** Archive an active or draft product, or restore an archived one. */
export function StatusChangeForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const onSuccess = (result: { position: string }) => page.showChange(result.position, onClose);
  const archive = useMutation(trpc.catalog.archiveProduct.mutationOptions({ onSuccess }));
  const restore = useMutation(trpc.catalog.restoreProduct.mutationOptions({ onSuccess }));
  const archiving = product.status !== 'archived';
  const command = archiving ? archive : restore;
  const serverError = command.error ? describeError(command.error) : undefined;
  const busy = command.isPending || page.navigating;

  return (
    <Stack>
      <CommandErrorAlert error={serverError} shownFields={[]} onReload={() => page.reload(() => command.reset())} reloading={page.navigating} />
      <Text size="sm">
        {archiving
          ? 'An archived product cannot be ordered, edited or repriced until it is restored. Its stock and sales stay as they are.'
          : 'The product comes back as active: it can be ordered and edited again.'}
      </Text>
      <Group justify="end">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color={archiving ? 'red' : undefined}
          loading={busy}
          onClick={() => command.mutate({ id: product.id, expectedVersion: product.version, commandId })}
        >
          {archiving ? 'Archive product' : 'Restore product'}
        </Button>
      </Group>
    </Stack>
  );
}
