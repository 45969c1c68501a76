'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ORDER_TRANSITIONS } from '@/server/domain/orders';
import type { OrderView } from '@/server/queries/orderView';
import { useTRPC } from '@/app/_trpc/client';
import { describeError, isStaleVersion, type DescribedError } from '@/app/_components/trpcErrors';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { useOrderPage } from './useOrderPage';

type OrderRef = Pick<OrderView, 'id' | 'status' | 'version'>;

/** Pay, ship and cancel: only the moves the order's status allows, only for admins. */
export function OrderActions({ order }: { order: OrderRef }) {
  const user = useCurrentUser();
  const trpc = useTRPC();
  const page = useOrderPage(order.id);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // One command id per action on this version: a retry of the same click changes nothing twice.
  const commandIds = useRef(new Map<string, string>());
  const commandId = (action: string) => {
    const key = `${action}@${order.version}`;
    if (!commandIds.current.has(key)) commandIds.current.set(key, crypto.randomUUID());
    return commandIds.current.get(key)!;
  };
  const onSuccess = (result: { position: string }) => page.showChange(result.position, () => setConfirmingCancel(false));
  const pay = useMutation(trpc.orders.pay.mutationOptions({ onSuccess }));
  const ship = useMutation(trpc.orders.ship.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.orders.cancel.mutationOptions({ onSuccess }));

  if (user.role !== 'admin') return null;
  const allowed = ORDER_TRANSITIONS[order.status];
  if (allowed.length === 0) return null;

  const mutations = [pay, ship, cancel];
  const busy = mutations.some((m) => m.isPending) || page.navigating;
  const failed = mutations.find((m) => m.isError);
  const refusal = failed ? describeError(failed.error) : undefined;
  const input = (action: string) => ({ id: order.id, expectedVersion: order.version, commandId: commandId(action) });
  const run = (mutation: (typeof mutations)[number], action: string) => {
    mutations.forEach((m) => m.reset());
    mutation.mutate(input(action));
  };

  return (
    <Stack gap="xs" align="end">
      <Group gap="xs">
        {allowed.includes('paid') && (
          <Button onClick={() => run(pay, 'pay')} loading={pay.isPending || (pay.isSuccess && page.navigating)} disabled={busy}>
            Pay
          </Button>
        )}
        {allowed.includes('shipped') && (
          <Button onClick={() => run(ship, 'ship')} loading={ship.isPending || (ship.isSuccess && page.navigating)} disabled={busy}>
            Ship
          </Button>
        )}
        {allowed.includes('cancelled') && (
          <Button color="red" variant="light" onClick={() => setConfirmingCancel(true)} disabled={busy}>
            Cancel order
          </Button>
        )}
      </Group>
      {refusal && !confirmingCancel && <RefusalAlert refusal={refusal} onReload={() => page.reload(() => mutations.forEach((m) => m.reset()))} reloading={page.navigating} />}
      <Modal opened={confirmingCancel} onClose={() => setConfirmingCancel(false)} title="Cancel this order?" centered>
        <Stack>
          <Text size="sm">Its units go back to the warehouses they came from, and it no longer counts towards sales. This cannot be undone.</Text>
          {refusal && cancel.isError && <RefusalAlert refusal={refusal} onReload={() => page.reload(() => cancel.reset())} reloading={page.navigating} />}
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirmingCancel(false)} disabled={busy}>
              Keep it
            </Button>
            <Button color="red" onClick={() => run(cancel, 'cancel')} loading={cancel.isPending || (cancel.isSuccess && page.navigating)} disabled={busy}>
              Cancel order
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RefusalAlert({ refusal, onReload, reloading }: { refusal: DescribedError; onReload: () => void; reloading: boolean }) {
  if (isStaleVersion(refusal)) {
    return (
      <Alert color="orange" role="alert" title="Changed by someone else" maw={480}>
        <Text size="sm">
          Someone else changed this order since you opened it (it is now at version {refusal.currentVersion}). Nothing was done. Reload to
          see its current status, then decide again.
        </Text>
        <Button mt="sm" size="xs" variant="light" color="orange" onClick={onReload} loading={reloading}>
          Reload
        </Button>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title="Not done" maw={480}>
      {refusal.message}
    </Alert>
  );
}
