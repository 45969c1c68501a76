import { decideRestore } from '../domain/catalog';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import type { RestoreProductInput } from './restoreProduct.input';
import { changeProduct } from './productCommand';

/** Brings an archived product back on sale as active. */
export async function restoreProduct(deps: CommandDeps, actor: Actor | null, input: RestoreProductInput): Promise<CommandResult> {
  return changeProduct(deps, actor, input, 'catalog.restoreProduct', (_tx, product) => decideRestore(product));
}
