import { describe, expect, it } from 'vitest';
import { getProjectorEnv, getServerEnv, getStartEnv } from './env';

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
