import type { EventOf, FieldChange } from '@/db/write/events';
import { PRODUCT_STATUSES, PRODUCT_STATUSES_IN_UI_ORDER, type ProductStatus } from '@/db/write/statuses';
import { DomainError } from './errors';

/**
 * The business rules of the catalog as pure functions: where a category may move, which
 * product changes are allowed given the current row, and what the new values and the journal
 * event are. Command handlers load the rows, call these, and persist what they return.
 */

export type { FieldChange };

/** The events of an existing product's commands. */
export type ProductChangeEvent = EventOf<'ProductUpdated' | 'ProductPriceChanged' | 'ProductArchived' | 'ProductRestored'>;

type Changes<T> = { [K in keyof T]?: FieldChange<T[K]> };

// ---- categories ----

export interface CategoryState {
  id: string;
  name: string;
  parentId: string | null;
}

/** A rename, a move (`parentId: null` makes the category a root), or both. */
export interface CategoryEdit {
  name?: string | undefined;
  parentId?: string | null | undefined;
}

export interface CategoryFields {
  name: string;
  parentId: string | null;
}

/** What a move must know about the tree, loaded by the handler when the edit names a parent. */
export interface CategoryTree {
  /** The requested parent; the handler has already refused one that does not exist. */
  parent?: { id: string; name: string } | undefined;
  /** Every category below the one being moved: children, their children, and so on. */
  descendantIds: ReadonlySet<string>;
}

export interface CategoryDecision {
  fields: CategoryFields;
  event: EventOf<'CategoryChanged'>;
}

/** A new category; the handler has already checked that the parent exists. */
export function categoryCreated(fields: CategoryFields): EventOf<'CategoryCreated'> {
  return { type: 'CategoryCreated', schemaVersion: 1, payload: { name: fields.name, parentId: fields.parentId } };
}

/**
 * Refuses a move that would make the tree a loop: a category under itself, or under one of
 * its own subcategories (which would then be its parent and its child at once).
 */
export function assertNoCategoryCycle(
  category: Pick<CategoryState, 'id' | 'name'>,
  parent: { id: string; name: string },
  descendantIds: ReadonlySet<string>,
): void {
  if (parent.id === category.id) throw categoryCycle(`"${category.name}" cannot be placed under itself`);
  if (descendantIds.has(parent.id)) {
    throw categoryCycle(`"${category.name}" cannot be placed under "${parent.name}", which is one of its own subcategories`);
  }
}

export function decideCategoryChange(current: CategoryState, edit: CategoryEdit, tree: CategoryTree): CategoryDecision {
  // Only a move under a parent can close a loop; making a category a root never does.
  if (edit.parentId) assertNoCategoryCycle(current, requestedParent(edit.parentId, tree), tree.descendantIds);
  const fields: CategoryFields = {
    name: edit.name ?? current.name,
    parentId: edit.parentId === undefined ? current.parentId : edit.parentId,
  };
  return {
    fields,
    event: { type: 'CategoryChanged', schemaVersion: 1, payload: { changes: changesOf(current, fields) } },
  };
}

function requestedParent(parentId: string, tree: CategoryTree): { id: string; name: string } {
  if (tree.parent?.id !== parentId) throw new Error(`The tree passed for this move does not hold the requested parent ${parentId}`);
  return tree.parent;
}

/** The sibling-name rule is held by a unique constraint; this is how its violation reads. */
export function categoryNameTaken(name: string): DomainError {
  return new DomainError('CONFLICT', `A category named "${name}" already exists at that place in the tree`, {
    rule: 'unique-category-name',
    fields: { name: ['Another category with this name has the same parent'] },
  });
}

function categoryCycle(message: string): DomainError {
  return new DomainError('RULE_VIOLATION', message, { rule: 'category-cycle', fields: { parentId: [message] } });
}

// ---- products ----

/** The statuses a product form sets: archiving and restoring are commands of their own. */
export type EditableStatus = Exclude<ProductStatus, 'archived'>;

export function isEditableStatus(status: string): status is EditableStatus {
  return status !== 'archived' && (PRODUCT_STATUSES as readonly string[]).includes(status);
}

/** The editable statuses, in the order the UI shows them. */
export const EDITABLE_STATUSES: readonly EditableStatus[] = PRODUCT_STATUSES_IN_UI_ORDER.filter(isEditableStatus);

/** The product row as its commands see it. */
export interface ProductState {
  sku: string;
  name: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  priceCents: number;
  currency: string;
  status: ProductStatus;
}

/** The fields `updateProduct` may change; absent fields stay as they are, `null` clears brand or category. */
export interface ProductEdit {
  name?: string | undefined;
  description?: string | undefined;
  brand?: string | null | undefined;
  categoryId?: string | null | undefined;
  tags?: readonly string[] | undefined;
  status?: EditableStatus | undefined;
}

/** The `products` columns the commands write, named like the drizzle columns so handlers pass them on. */
export type ProductColumns = Pick<ProductState, 'name' | 'description' | 'brand' | 'categoryId' | 'status' | 'priceCents'>;

export interface ProductDecision<E extends ProductChangeEvent = ProductChangeEvent> {
  /** The columns to write; the handler also bumps the version. */
  set: Partial<ProductColumns>;
  event: E;
}

export interface ProductEditDecision extends ProductDecision<EventOf<'ProductUpdated'>> {
  /** The `product_tags` rows to add and to remove, so that the product has exactly the requested set. */
  tags: TagChanges;
}

export interface TagChanges {
  add: string[];
  remove: string[];
}

const EDITABLE_COLUMNS = ['name', 'description', 'brand', 'categoryId', 'status'] as const satisfies readonly (keyof ProductEdit & keyof ProductColumns)[];

/** A new product as `catalog.createProduct` writes it: its columns and its tag set. */
export interface NewProduct extends Pick<ProductState, 'sku' | 'name' | 'description' | 'brand' | 'categoryId' | 'priceCents' | 'currency'> {
  status: EditableStatus;
  tags: readonly string[];
}

/** The journal event of a new product; it records the description since version 2. */
export function productCreated(product: NewProduct): EventOf<'ProductCreated'> {
  return {
    type: 'ProductCreated',
    schemaVersion: 2,
    payload: {
      sku: product.sku,
      name: product.name,
      description: product.description,
      brand: product.brand,
      categoryId: product.categoryId,
      priceCents: product.priceCents,
      currency: product.currency,
      tags: [...product.tags],
      status: product.status,
    },
  };
}

/** Archived products are withdrawn from the catalog; they must come back before anyone changes them. */
export function assertEditable(product: Pick<ProductState, 'sku' | 'name' | 'status'>): void {
  if (product.status !== 'archived') return;
  throw new DomainError('RULE_VIOLATION', `${describeProduct(product)} is archived; restore it first to change it`, {
    rule: 'archived-product',
  });
}

/** `currentTags` is the product's tag set; `edit.tags`, when given, replaces it whole. */
export function decideProductEdit(current: ProductState, currentTags: readonly string[], edit: ProductEdit): ProductEditDecision {
  assertEditable(current);
  const columnChanges = changesOf(current, requestedColumns(edit));
  const wantedTags = edit.tags ?? currentTags;
  const tags = tagChanges(currentTags, wantedTags);
  const tagsChanged = tags.add.length > 0 || tags.remove.length > 0;
  const changes = tagsChanged ? { ...columnChanges, tags: { from: sorted(currentTags), to: sorted(new Set(wantedTags)) } } : columnChanges;
  return {
    set: newValues(columnChanges),
    tags,
    event: { type: 'ProductUpdated', schemaVersion: 1, payload: { sku: current.sku, changes } },
  };
}

/** What makes a tag set equal to `wanted`, touching only the tags that differ. */
export function tagChanges(current: readonly string[], wanted: readonly string[]): TagChanges {
  const have = new Set(current);
  const want = new Set(wanted);
  return {
    add: sorted([...want].filter((tag) => !have.has(tag))),
    remove: sorted([...have].filter((tag) => !want.has(tag))),
  };
}

export function decidePriceChange(current: ProductState, priceCents: number): ProductDecision<EventOf<'ProductPriceChanged'>> {
  assertEditable(current);
  const changes = changesOf(current, { priceCents });
  return {
    set: { priceCents },
    event: { type: 'ProductPriceChanged', schemaVersion: 1, payload: { sku: current.sku, changes, currency: current.currency } },
  };
}

export function decideArchive(current: ProductState): ProductDecision<EventOf<'ProductArchived'>> {
  if (current.status === 'archived') {
    throw new DomainError('RULE_VIOLATION', `${describeProduct(current)} is already archived`, { rule: 'already-archived' });
  }
  return {
    set: { status: 'archived' },
    event: { type: 'ProductArchived', schemaVersion: 1, payload: statusChangePayload(current, 'archived') },
  };
}

/** A restored product goes back on sale: it becomes active, whatever it was before it was archived. */
export function decideRestore(current: ProductState): ProductDecision<EventOf<'ProductRestored'>> {
  if (current.status !== 'archived') {
    throw new DomainError('RULE_VIOLATION', `${describeProduct(current)} is not archived, so there is nothing to restore`, {
      rule: 'not-archived',
    });
  }
  return {
    set: { status: 'active' },
    event: { type: 'ProductRestored', schemaVersion: 1, payload: statusChangePayload(current, 'active') },
  };
}

/** Archiving and restoring always change the status: the callers have refused the product that already has it. */
function statusChangePayload(current: ProductState, status: ProductStatus): EventOf<'ProductArchived' | 'ProductRestored'>['payload'] {
  return { sku: current.sku, changes: { status: { from: current.status, to: status } } };
}

function requestedColumns(edit: ProductEdit): Partial<ProductColumns> {
  return Object.fromEntries(EDITABLE_COLUMNS.filter((field) => edit[field] !== undefined).map((field) => [field, edit[field]]));
}

// ---- shared ----

/** The fields of `next` whose value differs from `current`, each with both values. */
function changesOf<T extends object>(current: T, next: Partial<T>): Changes<T> {
  const changes: Changes<T> = {};
  for (const field of Object.keys(next) as (keyof T)[]) {
    if (next[field] !== current[field]) changes[field] = { from: current[field], to: next[field] as T[keyof T] };
  }
  return changes;
}

function newValues<T>(changes: Changes<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, (change as FieldChange<unknown>).to])) as Partial<T>;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

function describeProduct(product: Pick<ProductState, 'sku' | 'name'>): string {
  return `"${product.name}" (SKU ${product.sku})`;
}
