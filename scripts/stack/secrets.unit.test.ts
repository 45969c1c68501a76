import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateSecrets, rolePasswords } from './secrets';

const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fromEnv = { command: 'command-password-from-env', query: 'query-password-from-env', projector: 'projector-password-from-env' };

describe('rolePasswords', () => {
  it('generates a private file on first use and reads the same passwords from it afterwards', () => {
    const file = join(dir, 'first', 'secrets.json');
    const first = rolePasswords(file, {});
    expect(new Set(Object.values(first)).size).toBe(3);
    for (const password of Object.values(first)) expect(password).toMatch(/^[\w-]{24}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    const written = statSync(file).mtimeMs;
    expect(rolePasswords(file, {})).toEqual(first);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('takes passwords from the environment first, and needs no file when all three are there', () => {
    const file = join(dir, 'env', 'secrets.json');
    expect(rolePasswords(file, fromEnv)).toEqual(fromEnv);
    expect(() => statSync(file)).toThrow(/ENOENT/);
    const mixed = rolePasswords(file, { query: fromEnv.query });
    expect(mixed.query).toBe(fromEnv.query);
    expect(mixed.command).toBe(JSON.parse(readFileSync(file, 'utf8')).commandPassword);
  });

  it("shares npm start's secrets file: each keeps the other's entries and adds only what it lacks", () => {
    const dataDir = join(dir, 'shared');
    const stack = loadOrCreateSecrets(dataDir);
    expect(rolePasswords(join(dataDir, 'secrets.json'), {})).toEqual({ command: stack.commandPassword, query: stack.queryPassword, projector: stack.projectorPassword });

    const setupFirst = join(dir, 'setup-first');
    const roles = rolePasswords(join(setupFirst, 'secrets.json'), {});
    const completed = loadOrCreateSecrets(setupFirst);
    expect(completed).toMatchObject({ commandPassword: roles.command, queryPassword: roles.query, projectorPassword: roles.projector });
    expect(completed.postgresPassword).toMatch(/^[\w-]{24}$/);
    expect(completed.meiliMasterKey).toMatch(/^[\w-]{32}$/);
  });

  it('names a secrets file that is not what it expects', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '["not", "an", "object"]');
    expect(() => rolePasswords(file, {})).toThrow(/Invalid secrets file .*broken\.json: is not a JSON object of secret strings/);
  });
});
