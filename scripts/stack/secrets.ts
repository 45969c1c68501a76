import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { EnvError } from '@/lib/env';
import type { RolePasswords } from './provision';

/** Random bytes per secret (base64url text: 24 or 32 characters). */
const ROLE_SECRETS = { commandPassword: 18, queryPassword: 18, projectorPassword: 18 };
const STACK_SECRETS = { ...ROLE_SECRETS, postgresPassword: 18, meiliMasterKey: 24 };

/** Generated once per data directory and kept there, so a second start reuses them. */
export type StackSecrets = Record<keyof typeof STACK_SECRETS, string>;

const secretsFile = z.record(z.string(), z.string().min(1));

export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  return loadOrCreateSecretsFile(join(dataDir, 'secrets.json'), STACK_SECRETS);
}

/**
 * The role passwords: each from `fromEnv` when given there, else from `file` (created on
 * first use, mode 0600). Only a complete `fromEnv` leaves the file alone.
 */
export function rolePasswords(file: string, fromEnv: Partial<RolePasswords>): RolePasswords {
  const { command, query, projector } = fromEnv;
  if (command && query && projector) return { command, query, projector };
  const kept = rolePasswordsIn(loadOrCreateSecretsFile(file, ROLE_SECRETS));
  return { command: command ?? kept.command, query: query ?? kept.query, projector: projector ?? kept.projector };
}

/** The role passwords among the secrets a file keeps. */
export function rolePasswordsIn(secrets: Record<keyof typeof ROLE_SECRETS, string>): RolePasswords {
  return { command: secrets.commandPassword, query: secrets.queryPassword, projector: secrets.projectorPassword };
}

/**
 * The secrets named in `sizes` from a JSON file, generating those it lacks (a file may hold
 * more: `npm start` and `npm run setup` share `.data/secrets.json`). Written only when
 * something was generated, so a second call changes nothing.
 */
function loadOrCreateSecretsFile<K extends string>(file: string, sizes: Record<K, number>): Record<K, string> {
  const kept = existsSync(file) ? parseSecrets(file) : {};
  const missing = (Object.keys(sizes) as K[]).filter((name) => kept[name] === undefined);
  if (missing.length === 0) return kept as Record<K, string>;
  const secrets = { ...kept, ...Object.fromEntries(missing.map((name) => [name, randomBytes(sizes[name]).toString('base64url')])) };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets as Record<K, string>;
}

function parseSecrets(file: string): Record<string, string> {
  try {
    return secretsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    const reason = error instanceof z.ZodError ? 'is not a JSON object of secret strings' : error instanceof Error ? error.message : String(error);
    throw new EnvError(`Invalid secrets file ${file}: ${reason}`);
  }
}
