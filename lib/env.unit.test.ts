import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getProjectorEnv, getServerEnv, getSetupEnv, getStartEnv } from './env';

const valid = {
  DATABASE_URL: 'postgres://cmd:pw@127.0.0.1:5432/shop',
  READ_DATABASE_URL: 'postgres://query:pw@127.0.0.1:5432/shop_read',
  MEILI_URL: 'http://127.0.0.1:7700',
  MEILI_MASTER_KEY: '0123456789abcdef0123',
  MEILI_SEARCH_KEY: 'fedcba9876543210fedc',
};

describe('environment validation', () => {
  it('accepts a complete environment and fills defaults', () => {
    const env = getServerEnv(valid);
    expect(env.FRESHNESS_WAIT_MS).toBe(2000);
    expect(env.MEILI_INDEX).toBe('products');
    expect(env.SECURE_COOKIES).toBe('always');
    expect(env.TRUST_PROXY).toBe(0);
  });

  it('names every missing or malformed variable', () => {
    expect(() => getServerEnv({ ...valid, DATABASE_URL: 'mysql://x/y', MEILI_SEARCH_KEY: undefined })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*MEILI_SEARCH_KEY: is not set/,
    );
  });

  const projector = { ...valid, PROJECTOR_DATABASE_URL: valid.DATABASE_URL, PROJECTOR_READ_DATABASE_URL: valid.READ_DATABASE_URL };

  it('validates the projector settings separately', () => {
    expect(() => getProjectorEnv(valid)).toThrow(/PROJECTOR_DATABASE_URL: is not set/);
    const env = getProjectorEnv(projector);
    expect(env.REPLICATION_SLOT).toBe('shop_projector');
    expect(env.PROJECTOR_RESTARTS).toBe(0);
  });

  it('takes the restart count a supervisor hands the projector, and only a count', () => {
    expect(getProjectorEnv({ ...projector, PROJECTOR_RESTARTS: '3' }).PROJECTOR_RESTARTS).toBe(3);
    expect(() => getProjectorEnv({ ...projector, PROJECTOR_RESTARTS: '-1' })).toThrow(/PROJECTOR_RESTARTS:/);
    expect(() => getProjectorEnv({ ...projector, PROJECTOR_RESTARTS: 'often' })).toThrow(/PROJECTOR_RESTARTS:/);
  });
});

describe('npm start settings', () => {
  it('needs nothing and defaults the local ports', () => {
    expect(getStartEnv({})).toMatchObject({ PORT: 3000, PG_PORT: 54329, MEILI_PORT: 7719, SEED_PRODUCTS: 300 });
  });

  it('explains settings that do not go together or do not parse', () => {
    expect(() => getStartEnv({ PORT: 'eighty' })).toThrow(/PORT: Invalid input: expected number/);
    expect(() => getStartEnv({ MEILI_URL: 'http://127.0.0.1:7700' })).toThrow(/MEILI_MASTER_KEY: is needed when MEILI_URL is set/);
    expect(() => getStartEnv({ READ_DATABASE_URL: valid.READ_DATABASE_URL })).toThrow(/DATABASE_URL: is needed when READ_DATABASE_URL is set/);
  });
});

describe('npm run setup settings', () => {
  const setup = { DATABASE_URL: 'postgres://admin:pw@db:5432/shop', MEILI_URL: 'http://meili:7700', MEILI_MASTER_KEY: valid.MEILI_MASTER_KEY };

  it('needs the admin URL and the Meilisearch master key; the rest has defaults', () => {
    expect(getSetupEnv(setup)).toEqual({
      ...setup,
      MEILI_INDEX: 'products',
      SECRETS_FILE: '.data/secrets.json',
      WEB_ENV_FILE: '.data/web.env',
      PROJECTOR_ENV_FILE: '.data/projector.env',
    });
    expect(() => getSetupEnv({ MEILI_URL: setup.MEILI_URL })).toThrow(/DATABASE_URL: is not set[\s\S]*MEILI_MASTER_KEY: is not set/);
  });

  it('names a role password or a seed count it cannot use', () => {
    expect(() => getSetupEnv({ ...setup, SHOP_QUERY_PASSWORD: 'short' })).toThrow(/SHOP_QUERY_PASSWORD: must be at least 16 characters/);
    expect(() => getSetupEnv({ ...setup, SEED_PRODUCTS: 'lots' })).toThrow(/SEED_PRODUCTS: Invalid input/);
    expect(getSetupEnv({ ...setup, SEED_PRODUCTS: '25' }).SEED_PRODUCTS).toBe(25);
    expect(getSetupEnv({ ...setup, SHOP_COMMAND_PASSWORD: '' }).SHOP_COMMAND_PASSWORD).toBeUndefined();
  });
});

describe('ENV_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'web.env');
  writeFileSync(file, Object.entries(valid).map(([name, value]) => `${name}=${value}`).join('\n'));

  it("fills in a service's settings from the file, and the environment wins over it", () => {
    expect(getServerEnv({ ENV_FILE: file }).DATABASE_URL).toBe(valid.DATABASE_URL);
    const own = 'postgres://other:pw@127.0.0.1:5432/shop';
    expect(getServerEnv({ ENV_FILE: file, DATABASE_URL: own }).DATABASE_URL).toBe(own);
    expect(() => getProjectorEnv({ ENV_FILE: file })).toThrow(/PROJECTOR_DATABASE_URL: is not set/);
  });

  it('names a file it cannot read', () => {
    expect(() => getServerEnv({ ENV_FILE: join(dir, 'missing.env') })).toThrow(/ENV_FILE: cannot read .*missing\.env \(ENOENT\)/);
  });
});
