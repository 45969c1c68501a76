import { decideArchive } from '../domain/catalog';
import type { ArchiveProductInput } from './archiveProduct.input';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { changeProduct } from './productCommand';

/** Withdraws a product from sale; its rows stay, so past orders and the audit trail keep pointing at it. */
export async function archiveProduct(deps: CommandDeps, actor: Actor | null, input: ArchiveProductInput): Promise<CommandResult> {
  return changeProduct(deps, actor, input, 'catalog.archiveProduct', (_tx, product) => decideArchive(product));
}
