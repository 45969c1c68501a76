import type { ShipOrderInput } from './shipOrder.input';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { transitionOrder } from './transitionOrder';

export async function shipOrder(deps: CommandDeps, actor: Actor | null, input: ShipOrderInput): Promise<CommandResult> {
  return transitionOrder(deps, actor, input, { command: 'orders.ship', to: 'shipped', eventType: 'OrderShipped' });
}
