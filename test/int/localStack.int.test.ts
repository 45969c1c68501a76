import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startMeilisearch } from '@/scripts/stack/meilisearch';
import { freePort } from '../support/testStack';

it('starts Meilisearch with a generated key that begins with a dash, and the key guards it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'meili-key-'));
  const masterKey = '-m9_starts-with-a-dash-0123'; // base64url keys can start with '-': once read as a flag
  const meili = await startMeilisearch({ dataDir: dir, port: await freePort(), masterKey });
  try {
    expect((await fetch(`${meili.url}/indexes`, { headers: { Authorization: `Bearer ${masterKey}` } })).status).toBe(200);
    expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
  } finally {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
