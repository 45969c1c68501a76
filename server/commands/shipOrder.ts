import { orderShipped } from '../domain/orders';
import type { ShipOrderInput } from './shipOrder.input';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { noSideEffect, transitionOrder } from './transitionOrder';

export async function shipOrder(deps: CommandDeps, actor: Actor | null, input: ShipOrderInput): Promise<CommandResult> {
  return transitionOrder(deps, actor, input, { command: 'orders.ship', to: 'shipped', sideEffect: noSideEffect, event: orderShipped });
}
