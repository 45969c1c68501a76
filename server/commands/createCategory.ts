import { eq } from 'drizzle-orm';
import { categories } from '@/db/write/schema';
import { categoryCreated } from '../domain/catalog';
import { DomainError, notFound } from '../domain/errors';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';
import type { CreateCategoryInput } from './createCategory.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

export async function createCategory(deps: CommandDeps, actor: Actor | null, input: CreateCategoryInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'catalog.createCategory', actor, commandId: input.commandId }, async (tx) => {
    if (input.parentId) {
      const [parent] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId));
      if (!parent) throw notFound('Parent category', input.parentId);
    }
    const [row] = await tx
      .insert(categories)
      .values({ name: input.name, parentId: input.parentId ?? null })
      .returning({ id: categories.id, version: categories.version })
      .catch((error: unknown) => {
        if (pgError(error)?.code === UNIQUE_VIOLATION) {
          throw new DomainError('CONFLICT', `A category named "${input.name}" already exists at that place in the tree`, {
            rule: 'unique-category-name',
            fields: { name: ['Another category with this name has the same parent'] },
          });
        }
        throw error;
      });
    return {
      aggregateType: 'category',
      aggregateId: row!.id,
      version: row!.version,
      event: categoryCreated({ name: input.name, parentId: input.parentId ?? null }),
    };
  });
}
