import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ensureDebianPackages } from '@/scripts/stack/system-packages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPOSE = '/usr/bin/docker-compose';
const APP_SERVICES = ['setup', 'web', 'projector', 'projector-standby', 'publisher'];

/** The parts of a resolved compose file these tests read. */
const service = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string().optional() }).optional(),
  command: z.array(z.string()).optional(),
  profiles: z.array(z.string()).optional(),
  restart: z.string().optional(),
  environment: z.record(z.string(), z.string()).default({}),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  ports: z.array(z.unknown()).optional(),
  volumes: z.array(z.string()).default([]),
});
const composeFile = z.object({ services: z.record(z.string(), service), volumes: z.record(z.string(), z.unknown()) });
type Service = z.infer<typeof service>;

/**
 * No Docker engine is needed: `docker-compose config` validates the file against the schema,
 * interpolates variables and prints the result, which is what `docker-compose up` would use.
 */
function composeConfig(): z.infer<typeof composeFile> {
  if (!existsSync(COMPOSE)) ensureDebianPackages(['docker-compose'], (line) => process.stdout.write(`${line}\n`));
  // Settings from the caller's shell would change which file is read or what it resolves to.
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('COMPOSE_') || name.startsWith('SHOP_') || ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'SEED_PRODUCTS', 'WEB_CONCURRENCY'].includes(name)) delete env[name];
  }
  const result = spawnSync(COMPOSE, ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  expect(result.status, result.stderr).toBe(0);
  return composeFile.parse(load(result.stdout));
}

const healthUrl = (s: Service) => s.healthcheck?.test.join(' ').match(/http:\/\/127\.0\.0\.1:?\d*\/[\w-]+/)?.[0];
/** Where a service mounts a named volume, and whether read-only. */
const mountOf = (s: Service, volume: string) => s.volumes.find((v) => v.startsWith(`${volume}:`))?.split(':').slice(1);
const packageScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('docker-compose.yml', () => {
  let services: Record<string, Service>;
  beforeAll(() => {
    services = composeConfig().services;
  }, 600_000);

  it('runs every part as its own service, from the images and settings they need', () => {
    expect(Object.keys(services).sort()).toEqual(['meilisearch', 'nats', 'postgres', 'projector', 'projector-standby', 'proxy', 'publisher', 'setup', 'web']);
    expect(services.postgres!.command).toContain('wal_level=logical');
    expect(existsSync(join(services.postgres!.build!.context, 'Dockerfile'))).toBe(true);
    expect(services.meilisearch!.image).toBe('getmeili/meilisearch:v1.21');
    for (const name of APP_SERVICES) {
      const { build, image } = services[name]!;
      expect(existsSync(join(build!.context, build!.dockerfile!)), name).toBe(true);
      expect(build!.dockerfile, name).toBe('docker/app/Dockerfile');
      expect(image, name).toBe('storefront-backoffice');
    }
  });

  it('runs the same commands as npm run setup, web and projector', () => {
    const commands = { setup: packageScripts.setup, web: packageScripts.web, projector: packageScripts.projector, 'projector-standby': packageScripts.projector };
    for (const [name, script] of Object.entries(commands)) expect(script, name).toContain(services[name]!.command!.join(' '));
  });

  it('runs the change stream only with the stream profile: NATS JetStream and the publisher, which the projectors then read', () => {
    const { nats, publisher, projector } = services;
    expect(nats!.profiles).toEqual(['stream']);
    expect(publisher!.profiles).toEqual(['stream']);
    expect(nats!.command).toEqual(expect.arrayContaining(['-js', '-sd']));
    expect(packageScripts.projector).toContain(publisher!.command!.slice(0, -1).join(' '));
    expect(publisher!.command!.at(-1)).toBe('publish');
    expect(publisher!.environment.CHANGE_STREAM_URL).toBe('nats://nats:4222');
    expect(publisher!.depends_on).toMatchObject({ nats: { condition: 'service_healthy' }, setup: { condition: 'service_completed_successfully' } });
    // Without CHANGE_STREAM_URL the projectors read the slot, as before.
    expect(projector!.environment.CHANGE_STREAM_URL).toBe('');
    expect(projector!.profiles).toBeUndefined();
  });

  it('runs setup once per start, after the databases are healthy, and every app service after setup succeeded', () => {
    expect(services.setup!.restart).toBe('no');
    for (const name of APP_SERVICES) {
      expect(services[name]!.depends_on.postgres?.condition, name).toBe('service_healthy');
      expect(services[name]!.depends_on.meilisearch?.condition, name).toBe('service_healthy');
      if (name !== 'setup') expect(services[name]!.depends_on.setup?.condition, name).toBe('service_completed_successfully');
    }
    expect(services.proxy!.depends_on.web?.condition).toBe('service_healthy');
  });

  it('restarts and health-checks every long-running service', () => {
    for (const [name, s] of Object.entries(services).filter(([name]) => name !== 'setup')) {
      expect(s.restart, name).toBe('unless-stopped');
      expect(s.healthcheck, name).toBeDefined();
    }
    for (const name of ['projector', 'projector-standby']) {
      expect(healthUrl(services[name]!), name).toBe(`http://127.0.0.1:${services[name]!.environment.PROJECTOR_METRICS_PORT}/healthz`);
    }
  });

  it('lets web scale: no host port, readiness on /readyz, and it trusts the one proxy in front', () => {
    const web = services.web!;
    expect(web.ports).toBeUndefined();
    expect(healthUrl(web)).toBe(`http://127.0.0.1:${web.environment.PORT}/readyz`);
    expect(web.environment).toMatchObject({ HOST: '0.0.0.0', TRUST_PROXY: '1' });
  });

  it('publishes only the proxy, on loopback, spreading requests over every web replica by DNS', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(published).toEqual([['proxy', ['127.0.0.1:3000:80/tcp']]]);
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^nginx:/);
    const mount = proxy.volumes.find((v) => v.endsWith(':/etc/nginx/nginx.conf:ro'));
    expect(mount).toBe(`${join(ROOT, 'docker', 'proxy', 'nginx.conf')}:/etc/nginx/nginx.conf:ro`);
    const nginx = readFileSync(join(ROOT, 'docker', 'proxy', 'nginx.conf'), 'utf8');
    expect(nginx).toMatch(/resolver 127\.0\.0\.11\b/);
    expect(nginx).toMatch(new RegExp(`upstream web \\{[^}]*server web:${services.web!.environment.PORT} resolve;`));
    expect(nginx).toMatch(/proxy_pass http:\/\/web;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(healthUrl(proxy)).toMatch(/^http:\/\/127\.0\.0\.1\/[\w-]+$/);
    expect(nginx).toContain(`location = ${new URL(healthUrl(proxy)!).pathname} {`);
  });

  it('hands each service only its own settings: setup writes them into a volume only that service mounts, read-only', () => {
    const setup = services.setup!;
    const others = Object.entries(services).filter(([name]) => name !== 'setup');
    const settings = [
      { volume: 'web_settings', file: setup.environment.WEB_ENV_FILE!, readers: ['web'] },
      { volume: 'projector_settings', file: setup.environment.PROJECTOR_ENV_FILE!, readers: ['projector', 'projector-standby', 'publisher'] },
    ];
    for (const { volume, file, readers } of settings) {
      expect(mountOf(setup, volume), volume).toEqual([dirname(file), 'rw']);
      for (const [name, s] of others) {
        if (!readers.includes(name)) {
          expect(mountOf(s, volume), `${name} ${volume}`).toBeUndefined();
          continue;
        }
        expect(mountOf(s, volume), name).toEqual([dirname(file), 'ro']);
        expect(s.environment.ENV_FILE, name).toBe(file);
      }
    }
    expect(mountOf(setup, 'setup_secrets')).toEqual([dirname(setup.environment.SECRETS_FILE!), 'rw']);
    for (const [name, s] of others) expect(mountOf(s, 'setup_secrets'), name).toBeUndefined();
  });

  it('gives the master key to Meilisearch and setup only, the same key, long enough; and database URLs to setup only', () => {
    const holders = Object.entries(services).filter(([, s]) => s.environment.MEILI_MASTER_KEY).map(([name]) => name);
    expect(holders.sort()).toEqual(['meilisearch', 'setup']);
    const key = services.setup!.environment.MEILI_MASTER_KEY!;
    expect(services.meilisearch!.environment.MEILI_MASTER_KEY).toBe(key);
    expect(key.length).toBeGreaterThanOrEqual(16);
    const withUrls = Object.entries(services).filter(([, s]) => Object.values(s.environment).some((v) => v.startsWith('postgres://')));
    expect(withUrls.map(([name]) => name)).toEqual(['setup']);
    expect(services.setup!.environment).toMatchObject({ MEILI_URL: 'http://meilisearch:7700', DATABASE_URL: expect.stringMatching(/@postgres:5432\/shop$/) });
  });
});
