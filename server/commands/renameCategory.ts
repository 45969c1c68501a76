import { eq, sql } from 'drizzle-orm';
import type { WriteTx } from '@/db/clients';
import { categories } from '@/db/write/schema';
import { categoryNameTaken, decideCategoryChange, type CategoryFields, type CategoryTree } from '../domain/catalog';
import { notFound } from '../domain/errors';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';
import { loadForUpdate } from './aggregate';
import type { RenameCategoryInput } from './renameCategory.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

/** Renames a category, moves it to another parent (or to the top level), or both. */
export async function renameCategory(deps: CommandDeps, actor: Actor | null, input: RenameCategoryInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'catalog.renameCategory', actor, commandId: input.commandId }, async (tx) => {
    if (input.parentId) await serializeMoves(tx);
    const category = await loadForUpdate('Category', input.id, input.expectedVersion, () => lockCategory(tx, input.id));
    const tree = input.parentId ? await loadMoveTarget(tx, category.id, input.parentId) : { descendantIds: new Set<string>() };
    const decision = decideCategoryChange(category, input, tree);
    const version = await saveCategory(tx, category, decision.fields);
    return { aggregateType: 'category', aggregateId: category.id, version, event: decision.event };
  });
}

/**
 * Two moves that each look fine alone can make a loop together (A under B while B goes
 * under A), because each checks the tree before the other commits. Moves under a parent
 * therefore queue on one transaction-scoped lock; it is taken before any row lock, so it
 * cannot deadlock with them, and each move's descendant query then sees the moves before it.
 */
async function serializeMoves(tx: WriteTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('catalog.category-tree'), 0)`);
}

// `for no key update` keeps out other commands on this category but, unlike `for update`,
// not the foreign-key checks of products and subcategories being filed under it meanwhile.
async function lockCategory(tx: WriteTx, id: string) {
  const [row] = await tx
    .select({ id: categories.id, name: categories.name, parentId: categories.parentId, version: categories.version })
    .from(categories)
    .where(eq(categories.id, id))
    .for('no key update');
  return row;
}

async function loadMoveTarget(tx: WriteTx, categoryId: string, parentId: string): Promise<CategoryTree> {
  const [parent] = await tx.select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.id, parentId));
  if (!parent) throw notFound('Parent category', parentId);
  return { parent, descendantIds: await descendantIds(tx, categoryId) };
}

/** Every category below `categoryId`; `union` (not `union all`) stops even on a damaged, looping tree. */
async function descendantIds(tx: WriteTx, categoryId: string): Promise<Set<string>> {
  const rows = await tx.execute<{ id: string }>(sql`
    with recursive below(id) as (
      select id from ${categories} where parent_id = ${categoryId}
      union
      select c.id from ${categories} c join below b on c.parent_id = b.id
    )
    select id from below`);
  return new Set(rows.map((row) => row.id));
}

async function saveCategory(tx: WriteTx, category: { id: string; version: number }, fields: CategoryFields): Promise<number> {
  try {
    const [row] = await tx
      .update(categories)
      .set({ ...fields, version: category.version + 1, updatedAt: sql`now()` })
      .where(eq(categories.id, category.id))
      .returning({ version: categories.version });
    return row!.version;
  } catch (error) {
    const pg = pgError(error);
    if (pg?.code === UNIQUE_VIOLATION && pg.constraint === 'categories_sibling_name_key') throw categoryNameTaken(fields.name);
    throw error;
  }
}
