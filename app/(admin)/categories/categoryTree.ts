import type { CategoryView } from '@/server/queries/listCategories';

/** Every category below `id`, found through parent links (paths are names, which siblings of different parents may share). */
export function descendantIds(categories: Pick<CategoryView, 'id' | 'parentId'>[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const found = new Set<string>();
  const queue = [...(children.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (found.has(next)) continue;
    found.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

export const TOP_LEVEL = '';

/** Where a category may move: the top level or any category but itself and those below it. */
export function moveTargets(categories: CategoryView[], id: string): { value: string; label: string }[] {
  const below = descendantIds(categories, id);
  return [
    { value: TOP_LEVEL, label: 'Top level (no parent)' },
    ...categories.filter((c) => c.id !== id && !below.has(c.id)).map((c) => ({ value: c.id, label: c.path.join(' › ') })),
  ];
}
