import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseEnv } from 'node:util';
import type { ServicesEnv } from './setUpServices';

/** What each service is started with: its own role's URLs and its own Meilisearch key, nothing more. */
export const SERVICE_SETTINGS = {
  web: ['DATABASE_URL', 'READ_DATABASE_URL', 'MEILI_URL', 'MEILI_SEARCH_KEY', 'MEILI_INDEX'],
  projector: ['PROJECTOR_DATABASE_URL', 'PROJECTOR_READ_DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'MEILI_INDEX'],
} as const satisfies Record<string, (keyof ServicesEnv)[]>;

export type Service = keyof typeof SERVICE_SETTINGS;

export function settingsFor(service: Service, env: ServicesEnv): Record<string, string> {
  return Object.fromEntries(SERVICE_SETTINGS[service].map((name) => [name, env[name]]));
}

/** `NAME=value` lines, as the services read them back through ENV_FILE (lib/env.ts, node:util's parseEnv). */
export function formatEnvFile(service: Service, settings: Record<string, string>): string {
  const lines = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
  const text = `# ${service}: written by \`npm run setup\`; secrets, keep private\n${lines.join('\n')}\n`;
  const parsed = parseEnv(text);
  for (const [name, value] of Object.entries(settings)) {
    if (parsed[name] !== value) throw new Error(`${name} cannot be written to an env file as it is (quotes, # or a line break)`);
  }
  return text;
}

/**
 * Writes the file (mode 0600) unless it already holds exactly this text, and says whether it
 * wrote. A reader sees the old file or the new one, never half of one.
 */
export function writeEnvFile(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, text, { mode: 0o600 });
  renameSync(next, file);
  return true;
}
