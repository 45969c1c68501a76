import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries, withPlatformEntries, type Lockfile } from './platformEntries';

describe('lockfile platform entries', () => {
  it('adds a version-only entry for each optional package the lockfile lacks', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/next': { version: '1.0.0', optionalDependencies: { '@next/swc-linux-x64-gnu': '1.0.0', '@next/swc-darwin-arm64': '1.0.0' } },
        'node_modules/@next/swc-linux-x64-gnu': { version: '1.0.0', optional: true },
      },
    };
    expect(missingOptionalEntries(lock)).toEqual([{ key: 'node_modules/@next/swc-darwin-arm64', version: '1.0.0' }]);
    expect(withPlatformEntries(lock).packages['node_modules/@next/swc-darwin-arm64']).toEqual({ version: '1.0.0', optional: true });
  });

  it('refuses a range it cannot turn into a locked version', () => {
    const lock: Lockfile = { packages: { '': {}, 'node_modules/x': { optionalDependencies: { y: '^1.0.0' } } } };
    expect(() => missingOptionalEntries(lock)).toThrow(/not an exact version/);
  });

  it('the committed package-lock.json is complete, so `npm ci` accepts it (run `npm run lockfile:platforms`)', () => {
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')) as Lockfile;
    expect(missingOptionalEntries(lock)).toEqual([]);
  });
});
