import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingOptionalEntries, withPlatformEntries, type Lockfile } from './platformEntries';

/** `npm run lockfile:platforms`: run after `npm install` changes package-lock.json. */
const file = join(import.meta.dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
const missing = missingOptionalEntries(lock);
writeFileSync(file, `${JSON.stringify(withPlatformEntries(lock), null, 2)}\n`);
process.stdout.write(`package-lock.json: added ${missing.length} platform entries${missing.length ? `: ${missing.map((m) => m.key.replace('node_modules/', '')).join(', ')}` : ''}\n`);
