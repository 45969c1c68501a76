import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createWriteDb } from '@/db/clients';
import { startProjector } from '@/scripts/stack/appProcesses';
import { freePort, pipeWithPrefix, stopGroup, waitFor } from '@/scripts/stack/processes';
import { rememberVersion, type BenchContext } from '../context';
import { openLoop } from '../drive';
import { projectorAnswers as probe } from '../stack';
import { summarize } from '../stats';
import { priceChanger, summaryWatcher } from './lag';

interface Member {
  child: ChildProcess;
  port: number;
}

/** Changes committed this close to the kill, or during the takeover, count as "during" it. */
const AROUND_MS = 500;

/**
 * Projector high availability: two projectors on the stack, price changes at a steady rate,
 * and the active one SIGKILLed a few times. Takeover is the kill → the standby's readiness
 * probe answering (it streams); the lag of the changes committed around each takeover is set
 * against the lag of the changes committed before the kill, in the same rounds.
 */
export async function measureTakeover(ctx: BenchContext): Promise<void> {
  const { stack, progress } = ctx;
  const commands = createWriteDb(stack.env.DATABASE_URL, { max: 8, applicationName: 'bench-takeover' });
  const change = priceChanger(ctx, commands.db);
  const members: Member[] = [{ child: stack.projector!, port: Number(stack.env.PROJECTOR_METRICS_PORT) }];
  const startMember = async (): Promise<Member> => {
    const port = await freePort();
    const child = startProjector({ ...stack.env, PROJECTOR_METRICS_PORT: String(port) });
    pipeWithPrefix(child, '[projector standby]', process.stderr);
    return { child, port };
  };
  const rate = ctx.options.lagRates[0]!;
  const rounds = ctx.options.mode === 'tiny' ? 1 : 3;
  const takeovers: number[] = [];
  const before: number[] = [];
  const during: number[] = [];
  let missing = 0;
  let offset = 0;
  try {
    members.push(await startMember());
    for (let round = 0; round < rounds; round++) {
      const active = await activeMember(members);
      const standby = members.find((m) => m !== active)!;
      await waitFor('the standby to stand by', async () => (await probe(standby.port, '/healthz')) && !(await probe(standby.port, '/readyz')), 60_000, 50);
      progress.note(`round ${round + 1}: ${rate} price changes/s, the active projector SIGKILLed after 2 s`);
      const summary = summaryWatcher(ctx).start();
      const base = 8_000_000 + round * 100_000;
      const load = openLoop(rate, 6_000, async (i) => {
        const id = ctx.editable[(offset + i) % ctx.editable.length]!;
        const out = await change(id, base + i);
        rememberVersion(ctx.versions, id, out.version);
        summary.add({ id, version: out.version, priceCents: base + i, committedAt: performance.now() });
      });
      await new Promise((r) => setTimeout(r, 2_000));
      await stopGroup(active.child, 'SIGKILL');
      const killedAt = performance.now();
      await waitFor('the standby to stream', () => probe(standby.port, '/readyz'), 60_000, 10);
      const takeover = performance.now() - killedAt;
      takeovers.push(takeover);
      const result = await load;
      offset += result.samples.length;
      missing += await summary.finish(60_000);
      for (const { committedAt, lag } of summary.timed) {
        if (committedAt < killedAt - AROUND_MS) before.push(lag);
        else if (committedAt <= killedAt + takeover + AROUND_MS) during.push(lag);
      }
      // The killed one comes back as the standby.
      members.splice(members.indexOf(active), 1, await startMember());
    }
  } finally {
    await commands.sql.end({ timeout: 5 });
    // Later phases expect the stack's one projector: stop both, start it afresh.
    for (const m of members) await stopGroup(m.child, 'SIGTERM', 30_000);
    stack.projector = undefined;
    stack.startProjector();
    await waitFor('the projector to stream again', () => probe(stack.env.PROJECTOR_METRICS_PORT, '/readyz'), 120_000, 100);
  }
  const load = `${rate} cmd/s, ${rounds} kills`;
  ctx.figures.push(
    {
      id: 'takeover.time',
      section: 'lag',
      name: 'projector takeover: active SIGKILLed → standby streaming',
      unit: 'ms',
      load,
      ours: { stats: summarize(takeovers), note: `each: ${takeovers.map((t) => t.toFixed(0)).join(', ')} ms` },
    },
    {
      id: 'takeover.lag',
      section: 'lag',
      name: 'commit → visible in product_summaries, around a takeover',
      unit: 'ms',
      load,
      ours: { stats: summarize(during), errors: missing, note: `changes committed from ${AROUND_MS} ms before a kill to ${AROUND_MS} ms after the standby streamed` },
      baseline: { name: 'the same changes before the kill', stats: summarize(before) },
    },
  );
}

/** The one member whose readiness probe says it streams. */
async function activeMember(members: Member[]): Promise<Member> {
  let found: Member | undefined;
  await waitFor('one projector to stream', async () => {
    const ready: Member[] = [];
    for (const m of members) if (await probe(m.port, '/readyz')) ready.push(m);
    found = ready.length === 1 ? ready[0] : undefined;
    return found !== undefined;
  }, 120_000, 50);
  return found!;
}
