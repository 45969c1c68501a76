import { eq } from 'drizzle-orm';
import type { WriteDb } from '@/db/clients';
import { staffCredentials, users } from '@/db/write/schema';
import { hashPassword } from '@/server/auth/password';
import { createCategory } from '@/server/commands/createCategory';
import { createProduct } from '@/server/commands/createProduct';
import { createProductInput } from '@/server/commands/createProduct.input';
import type { Actor } from '@/server/commands/runCommand';
import { CATEGORY_SEEDS, generateProducts } from './catalogData';
import { seedOperations } from './seedOperations';

/** The demo logins the README shows. */
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', password: 'admin-demo-pass' },
  { email: 'viewer@example.com', name: 'Vic Viewer', role: 'viewer', password: 'viewer-demo-pass' },
] as const;

export async function seedStaff(db: WriteDb): Promise<Actor> {
  for (const user of DEMO_USERS) {
    const passwordHash = await hashPassword(user.password);
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: user.email, name: user.name, role: user.role })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (created) await tx.insert(staffCredentials).values({ userId: created.id, passwordHash });
    });
  }
  const [admin] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, DEMO_USERS[0].email));
  return admin!;
}

/**
 * Demo data, once: staff accounts, a category tree and products, written through the same
 * command handlers as the app (so they reach the journal and the projector like any change).
 */
export async function seedDemoData(db: WriteDb, options: { products: number; log: (line: string) => void }): Promise<boolean> {
  const [already] = await db.select({ id: users.id }).from(users).limit(1);
  if (already) return false;
  const admin = await seedStaff(db);
  const deps = { db };
  const leafIds = new Map<string, string>();
  for (const top of CATEGORY_SEEDS) {
    const parent = await createCategory(deps, admin, { name: top.name });
    for (const child of top.children) {
      const leaf = await createCategory(deps, admin, { name: child.name, parentId: parent.id });
      leafIds.set(`${top.name}/${child.name}`, leaf.id);
    }
  }
  const products = generateProducts(options.products);
  const created = [];
  for (const [i, p] of products.entries()) {
    const input = createProductInput.parse({ ...p, categoryId: leafIds.get(p.categoryPath.join('/')) });
    created.push({ id: (await createProduct(deps, admin, input)).id, currency: input.currency, status: input.status });
    if ((i + 1) % 100 === 0) options.log(`seeded ${i + 1}/${products.length} products`);
  }
  options.log(`seeded ${DEMO_USERS.length} staff accounts, ${leafIds.size} categories, ${products.length} products`);
  await seedOperations(db, admin, created, { customers: 40, orders: 60, log: options.log });
  return true;
}
