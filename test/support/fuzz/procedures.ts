import type { z } from 'zod';
import { appRouter } from '@/server/routers/_app';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation';
  /** The procedure's input schema, or undefined when it takes none. */
  input: z.ZodType | undefined;
  /** Who may call it: anyone (auth.login), any staff member, or admins only. */
  access: 'public' | 'staff' | 'admin';
}

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[]; middlewares: unknown[] };
}

const PUBLIC = new Set(['auth.login']);

/**
 * Every procedure of the router, read from the router itself: a procedure added tomorrow is
 * fuzzed without editing a test. Who may call it is found out by asking the server as a viewer
 * (see `accessOf` in the test), not written down here, except the one public procedure.
 */
export function routerProcedures(): Omit<ProcedureInfo, 'access'>[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type !== 'subscription')
    .map(([path, p]) => ({ path, type: p._def.type as 'query' | 'mutation', input: p._def.inputs[0] }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export const isPublic = (path: string) => PUBLIC.has(path);
