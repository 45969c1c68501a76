import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Generated once per data directory and kept there, so a second start reuses them. */
export interface StackSecrets {
  postgresPassword: string;
  commandPassword: string;
  queryPassword: string;
  projectorPassword: string;
  meiliMasterKey: string;
}

export function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StackSecrets;
  const secret = () => randomBytes(18).toString('base64url');
  const secrets: StackSecrets = {
    postgresPassword: secret(),
    commandPassword: secret(),
    queryPassword: secret(),
    projectorPassword: secret(),
    meiliMasterKey: randomBytes(24).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
