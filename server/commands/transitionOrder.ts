import { eq, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { orders, type OrderStatus } from '@/db/write/schema';
import { assertTransition } from '../domain/orders';
import { loadForUpdate } from './aggregate';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

/** What pay, ship and cancel take: the order and the version the caller last saw. */
export interface OrderTransitionInput {
  id: string;
  expectedVersion: number;
  commandId?: string | undefined;
}

type TargetStatus = Exclude<OrderStatus, 'placed'>;

interface OrderTransition {
  command: string;
  to: TargetStatus;
  eventType: string;
  /** Further writes of the same transaction (e.g. returning stock); their result joins the event payload. */
  sideEffect?: (tx: WriteTx, orderId: string) => Promise<Record<string, unknown>>;
}

/** The column that records when an order reached each status. */
const REACHED_AT = { paid: 'paidAt', shipped: 'shippedAt', cancelled: 'cancelledAt' } as const satisfies Record<TargetStatus, keyof typeof orders.$inferInsert>;

/** The shell of every status change: lock the order, check its version and the transition, then move it. */
export async function transitionOrder(
  deps: CommandDeps,
  actor: Actor | null,
  input: OrderTransitionInput,
  transition: OrderTransition,
): Promise<CommandResult> {
  return runCommand(deps, { command: transition.command, actor, commandId: input.commandId }, async (tx) => {
    const order = await loadForUpdate('Order', input.id, input.expectedVersion, () => lockOrder(tx, input.id));
    assertTransition(order.status, transition.to);
    const effects = transition.sideEffect ? await transition.sideEffect(tx, order.id) : {};
    const moved = await moveOrder(tx, order, transition.to);
    return {
      aggregateType: 'order',
      aggregateId: order.id,
      version: moved.version,
      event: {
        type: transition.eventType,
        schemaVersion: 1,
        payload: { from: order.status, to: transition.to, at: moved.at.toISOString(), ...effects },
      },
    };
  });
}

async function lockOrder(tx: WriteTx, id: string) {
  const [row] = await tx
    .select({ id: orders.id, status: orders.status, version: orders.version })
    .from(orders)
    .where(eq(orders.id, id))
    .for('update');
  return row;
}

async function moveOrder(tx: WriteTx, order: { id: string; version: number }, to: TargetStatus) {
  const now = sql`now()`;
  const [row] = await tx
    .update(orders)
    .set({ status: to, version: order.version + 1, updatedAt: now, [REACHED_AT[to]]: now })
    .where(eq(orders.id, order.id))
    .returning({ version: orders.version, at: orders.updatedAt });
  return row!;
}
