import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '@/scripts/stack/system-packages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPOSE = '/usr/bin/docker-compose';

/**
 * No Docker engine is needed: `docker-compose config` validates the file against the schema,
 * interpolates variables and prints the result, which is what `docker-compose up` would use.
 */
function composeConfig(): string {
  if (!existsSync(COMPOSE)) ensureDebianPackages(['docker-compose'], (line) => process.stdout.write(`${line}\n`));
  // Settings from the caller's shell would change which file is read or what it resolves to.
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('COMPOSE_') || ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'SEED_PRODUCTS'].includes(name)) delete env[name];
  }
  const result = spawnSync(COMPOSE, ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** The lines of one service in `config` output (services at two spaces, their keys deeper). */
function serviceBlock(config: string, name: string): string {
  const lines = config.split('\n');
  const start = lines.indexOf(`  ${name}:`);
  expect(start, `service ${name}`).toBeGreaterThan(-1);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^ {0,2}\S/.test(line));
  return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

/** Service names, from the `services:` section of `config` output (two spaces deep). */
function serviceNames(config: string): string[] {
  const services = config.slice(config.indexOf('services:\n') + 'services:\n'.length);
  const end = services.search(/^\S/m);
  return [...services.slice(0, end === -1 ? undefined : end).matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]!);
}

describe('docker-compose.yml', () => {
  it('parses and keeps the services, health checks, restart policies and logical replication', () => {
    const config = composeConfig();
    const postgres = serviceBlock(config, 'postgres');
    const meilisearch = serviceBlock(config, 'meilisearch');
    const app = serviceBlock(config, 'app');

    for (const block of [postgres, meilisearch, app]) expect(block).toContain('healthcheck:');
    // Every service runs for good: a crash or a reboot of the Docker host brings it back.
    const services = serviceNames(config);
    expect(services).toEqual(expect.arrayContaining(['app', 'meilisearch', 'postgres']));
    for (const name of services) expect(serviceBlock(config, name), name).toMatch(/^ {4}restart: unless-stopped$/m);

    expect(postgres).toContain('wal_level=logical');
    expect(existsSync(join(ROOT, 'docker', 'postgres', 'Dockerfile'))).toBe(true);

    expect(meilisearch).toContain('image: getmeili/meilisearch:v1.21');
    // The app's env validation and Meilisearch in production mode both reject shorter keys.
    const keys = [...config.matchAll(/MEILI_MASTER_KEY: (\S+)/g)].map((m) => m[1]!);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]!.length).toBeGreaterThanOrEqual(16);

    expect(app).toMatch(/postgres:\n\s+condition: service_healthy/);
    expect(app).toMatch(/meilisearch:\n\s+condition: service_healthy/);
    expect(app).toContain('MEILI_URL: http://meilisearch:7700');
    expect(app).toContain('- 127.0.0.1:3000:3000/tcp');
    expect(existsSync(join(ROOT, 'docker', 'app', 'Dockerfile'))).toBe(true);
  }, 600_000);
});
