import { eq, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { orders, type OrderStatus } from '@/db/write/schema';
import { assertTransition, type OrderMove, type OrderStatusEvent } from '../domain/orders';
import { loadForUpdate } from './aggregate';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

/** What pay, ship and cancel take: the order and the version the caller last saw. */
export interface OrderTransitionInput {
  id: string;
  expectedVersion: number;
  commandId?: string | undefined;
}

type TargetStatus = Exclude<OrderStatus, 'placed'>;

interface OrderTransition<To extends TargetStatus, Effects> {
  command: string;
  to: To;
  /** Further writes of the same transaction (e.g. returning stock), made before the order moves. */
  sideEffect: (tx: WriteTx, orderId: string) => Promise<Effects>;
  /** The journal event (from `domain/orders`), given the move and what the side effect reported. */
  event: (move: OrderMove, effects: Effects) => OrderStatusEvent & { payload: { to: To } };
}

/** For transitions that change nothing but the order itself. */
export async function noSideEffect(): Promise<void> {}

/** The column that records when an order reached each status. */
const REACHED_AT = { paid: 'paidAt', shipped: 'shippedAt', cancelled: 'cancelledAt' } as const satisfies Record<TargetStatus, keyof typeof orders.$inferInsert>;

/** The shell of every status change: lock the order, check its version and the transition, then move it. */
export async function transitionOrder<To extends TargetStatus, Effects>(
  deps: CommandDeps,
  actor: Actor | null,
  input: OrderTransitionInput,
  transition: OrderTransition<To, Effects>,
): Promise<CommandResult> {
  return runCommand(deps, { command: transition.command, actor, commandId: input.commandId }, async (tx) => {
    const order = await loadForUpdate('Order', input.id, input.expectedVersion, () => lockOrder(tx, input.id));
    assertTransition(order.status, transition.to);
    const effects = await transition.sideEffect(tx, order.id);
    const moved = await moveOrder(tx, order, transition.to);
    return {
      aggregateType: 'order',
      aggregateId: order.id,
      version: moved.version,
      event: transition.event({ from: order.status, at: moved.at }, effects),
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
