import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatEnvFile, settingsFor, writeEnvFile } from './serviceEnvFiles';
import type { ServicesEnv } from './setUpServices';

const env: ServicesEnv = {
  DATABASE_URL: 'postgres://shop_command:a%23b@db:5432/shop',
  READ_DATABASE_URL: 'postgres://shop_query:q@db:5432/shop_read',
  PROJECTOR_DATABASE_URL: 'postgres://shop_projector:p@db:5432/shop',
  PROJECTOR_READ_DATABASE_URL: 'postgres://shop_projector:p@db:5432/shop_read',
  MEILI_URL: 'http://meili:7700',
  MEILI_MASTER_KEY: 'master-key-0123456789',
  MEILI_SEARCH_KEY: 'search-key-0123456789',
  MEILI_INDEX: 'products',
};

describe('service settings', () => {
  it("gives the web server no projector credentials and no master key, and the projector no web role's", () => {
    expect(Object.keys(settingsFor('web', env)).sort()).toEqual(['DATABASE_URL', 'MEILI_INDEX', 'MEILI_SEARCH_KEY', 'MEILI_URL', 'READ_DATABASE_URL']);
    expect(Object.keys(settingsFor('projector', env)).sort()).toEqual([
      'MEILI_INDEX', 'MEILI_MASTER_KEY', 'MEILI_URL', 'PROJECTOR_DATABASE_URL', 'PROJECTOR_READ_DATABASE_URL',
    ]);
  });

  it('writes env files that read back as the same settings', () => {
    for (const service of ['web', 'projector'] as const) {
      expect(parseEnv(formatEnvFile(service, settingsFor(service, env)))).toEqual(settingsFor(service, env));
    }
  });

  it('refuses a value an env file would change', () => {
    expect(() => formatEnvFile('web', { MEILI_URL: 'http://meili:7700 #x' })).toThrow(/MEILI_URL cannot be written/);
    expect(() => formatEnvFile('web', { MEILI_URL: 'a\nB=c' })).toThrow(/MEILI_URL cannot be written/);
  });
});

describe('writeEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a private file once, and leaves it untouched when nothing changed', () => {
    const file = join(dir, 'web', 'web.env');
    const text = formatEnvFile('web', settingsFor('web', env));
    expect(writeEnvFile(file, text)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).mtimeMs;
    expect(writeEnvFile(file, text)).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(writeEnvFile(file, text.replace('products', 'catalog'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('MEILI_INDEX=catalog');
  });
});
