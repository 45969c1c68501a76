import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, webUrl } from '@/scripts/stack/appProcesses';
import { startDetached, stopGroup, waitFor } from '@/scripts/stack/processes';

type Env = Record<string, string | undefined>;

/** What any npm script needs from the environment, and nothing the test process holds besides. */
export function bareEnv(env: Env): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env };
}

/** `npm run <script>` to its end, as an operator runs it: exit code and output. */
export function runNpmScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], { cwd: ROOT, env });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** `npm run web` in its own process group, once it answers /healthz; its output is kept for failures. */
export async function startNpmWeb(env: NodeJS.ProcessEnv, port: number): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = startDetached('npm', ['run', '--silent', 'web'], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = webUrl(port);
  try {
    await waitFor('npm run web to answer /healthz', async () => {
      if (child.exitCode !== null) throw new Error(`npm run web exited with ${child.exitCode}: ${output.join('')}`);
      return (await fetch(`${url}/healthz`)).ok;
    }, 90_000, 250);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { child, url, output };
}
