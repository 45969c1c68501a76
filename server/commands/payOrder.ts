import { orderPaid } from '../domain/orders';
import type { PayOrderInput } from './payOrder.input';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { noSideEffect, transitionOrder } from './transitionOrder';

export async function payOrder(deps: CommandDeps, actor: Actor | null, input: PayOrderInput): Promise<CommandResult> {
  return transitionOrder(deps, actor, input, { command: 'orders.pay', to: 'paid', sideEffect: noSideEffect, event: orderPaid });
}
