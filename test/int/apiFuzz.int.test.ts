import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginAs } from '../support/api';
import { decodedInput, rawCall, type Payload, type RawAnswer } from '../support/fuzz/calls';
import { HOSTILE_TEXTS, hostileFrom } from '../support/fuzz/hostile';
import { isPublic, routerProcedures, type ProcedureInfo } from '../support/fuzz/procedures';
import { inputJsonSchema, valueOf, type ValueContext } from '../support/fuzz/schemaArbitrary';
import { ProjectorProcess, waitForCheckpoints } from '../support/projector';
import { writeModelFingerprint } from '../support/writeModel';

/**
 * Every procedure of the router, fuzzed over plain HTTP from its own input schema: valid,
 * boundary and hostile inputs, as admin, viewer and nobody. Never a 5xx; an input the
 * procedure's schema refuses is never accepted; a refused mutation, a viewer's mutation and an
 * anonymous call leave the write database as it was.
 *
 * More cases: FUZZ_RUNS=300 npx vitest run --project int test/int/apiFuzz.int.test.ts
 * Replay a failure: add FUZZ_SEED=<seed> (printed with the failure) and `-t '<procedure>'`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const env = inject('stackEnv');
const webUrl = inject('webUrl');
const projector = new ProjectorProcess(env);
const admin$ = postgres(env.ADMIN_DATABASE_URL, { max: 2, onnotice: () => {} });
const cookies: Record<'admin' | 'viewer', string> = { admin: '', viewer: '' };
const ctx: ValueContext = { ids: [] };

type Role = 'admin' | 'viewer' | 'anonymous';

beforeAll(async () => {
  projector.start();
  const admin = await loginAs(webUrl, 'admin');
  cookies.admin = admin.cookie;
  cookies.viewer = (await loginAs(webUrl, 'viewer')).cookie;
  const warmUp = await admin.api.catalog.createCategory.mutate({ name: 'Fuzz Warm-up' });
  await waitForCheckpoints(env.ADMIN_READ_DATABASE_URL, warmUp.position);
  // Ids that exist, so generated inputs also reach the handlers past "not found".
  const rows = await admin$<{ id: string }[]>`
    (select id::text from products order by random() limit 20) union all (select id::text from categories order by random() limit 10)
    union all (select id::text from warehouses limit 5) union all (select id::text from customers limit 10)
    union all (select id::text from orders order by random() limit 10) union all (select id::text from users)`;
  ctx.ids = rows.map((r) => r.id);
});

afterAll(async () => {
  // The fuzzed logins count against 127.0.0.1; later test files log in from there too.
  await admin$`delete from rate_limits`;
  await admin$.end();
  await projector.stop();
});

/** Roles a case may use: logging in or out with the shared admin or viewer session would end it. */
function rolesFor(p: Omit<ProcedureInfo, 'access'>): Role[] {
  if (p.path.startsWith('auth.') && p.type === 'mutation') return ['anonymous'];
  return ['admin', 'admin', 'admin', 'viewer', 'anonymous'];
}

function payloads(p: Omit<ProcedureInfo, 'access'>): fc.Arbitrary<Payload> {
  const schema = p.input ? inputJsonSchema(p.input) : undefined;
  const valid = schema ? valueOf(schema, ctx) : fc.constant(undefined);
  const fieldsHostile = schema ? valueOf(schema, { ...ctx, hostile: true }) : fc.constant(undefined);
  return fc.oneof(
    { weight: 2, arbitrary: valid.map((value): Payload => ({ kind: 'value', value })) },
    { weight: 3, arbitrary: fieldsHostile.map((value): Payload => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: hostileFrom(valid).map((value): Payload => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS).map((text): Payload => ({ kind: 'raw', text })) },
  );
}

/** Whether the procedure's own schema takes the input the server would decode from this payload. */
function schemaAccepts(p: Omit<ProcedureInfo, 'access'>, payload: Payload): boolean {
  if (!p.input) return true; // a procedure without input ignores whatever is sent
  const decoded = decodedInput(payload);
  if (!decoded.ok) return false;
  return p.input.safeParse(decoded.value).success;
}

const shown = (payload: Payload) => {
  const text = payload.kind === 'raw' ? payload.text : JSON.stringify(payload.value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return text === undefined ? 'undefined' : text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

function judge(p: Omit<ProcedureInfo, 'access'>, role: Role, payload: Payload, answer: RawAnswer, changed: boolean): string | null {
  const ok = answer.status >= 200 && answer.status < 300;
  if (answer.status >= 500) return `answered ${answer.status} ${answer.code ?? ''}: ${answer.message}`;
  if (role === 'anonymous' && !isPublic(p.path) && ok) return 'answered an anonymous caller';
  if (role === 'viewer' && p.type === 'mutation' && ok) return "carried out a viewer's mutation";
  if (ok && !schemaAccepts(p, payload)) return `accepted an input its schema refuses (status ${answer.status})`;
  if (changed && !ok) return `refused the call (${answer.status} ${answer.code}) but changed the write database`;
  if (changed && role !== 'admin' && !isPublic(p.path)) return `a ${role}'s call changed the write database`;
  return null;
}

describe('every procedure, fuzzed from its input schema', () => {
  const procedures = routerProcedures();

  it('finds the procedures in the router itself', () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(['auth.login', 'catalog.createProduct', 'orders.place', 'search.products']));
  });

  for (const procedure of procedures) {
    it(`${procedure.path} (${procedure.type}) never answers 5xx, never accepts what its schema refuses, and a refusal changes nothing`, async () => {
      const cases = fc.record({ role: fc.constantFrom(...rolesFor(procedure)), payload: payloads(procedure) });
      const property = fc.asyncProperty(cases, async ({ role, payload }) => {
        const cookie = role === 'anonymous' ? undefined : cookies[role];
        const before = procedure.type === 'mutation' ? await writeModelFingerprint(admin$) : undefined;
        const answer = await rawCall(webUrl, procedure.path, procedure.type, payload, cookie);
        const changed = before !== undefined && JSON.stringify(await writeModelFingerprint(admin$)) !== JSON.stringify(before);
        const problem = judge(procedure, role, payload, answer, changed);
        if (problem) throw new Error(`${procedure.path} as ${role} with ${shown(payload)}: ${problem}`);
      });
      try {
        await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
      } catch (error) {
        const seed = /seed: (-?\d+)/i.exec(String(error))?.[1];
        const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : '';
        throw new Error(
          `${String(error)}${cause}\nReplay: FUZZ_SEED=${seed} FUZZ_RUNS=${RUNS} npx vitest run --project int test/int/apiFuzz.int.test.ts -t '${procedure.path} '`,
        );
      }
    });
  }
});
