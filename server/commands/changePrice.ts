import { decidePriceChange } from '../domain/catalog';
import type { ChangePriceInput } from './changePrice.input';
import type { Actor, CommandDeps, CommandResult } from './runCommand';
import { changeProduct } from './productCommand';

/** Sets a product's price in its own currency; orders already placed keep the price they were placed at. */
export async function changePrice(deps: CommandDeps, actor: Actor | null, input: ChangePriceInput): Promise<CommandResult> {
  return changeProduct(deps, actor, input, 'catalog.changePrice', (_tx, product) => decidePriceChange(product, input.priceCents));
}
