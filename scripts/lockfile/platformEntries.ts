/**
 * The npm registry these machines reach serves only the Linux builds of platform-specific
 * packages (`@next/swc-darwin-arm64` answers 404). `npm install` then leaves those optional
 * packages out of package-lock.json, and `npm ci` rejects the lockfile as out of sync. A
 * version-only entry for each of them satisfies `npm ci`, which never installs a package for
 * another platform anyway.
 */
export interface Lockfile {
  packages: Record<string, { version?: string; optional?: boolean; optionalDependencies?: Record<string, string> }>;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Optional dependencies named by a locked package but missing from the lockfile. */
export function missingOptionalEntries(lock: Lockfile): { key: string; version: string }[] {
  const missing = new Map<string, string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted] || missing.has(hoisted)) continue;
      if (!EXACT_VERSION.test(version)) {
        throw new Error(`${path || 'the project'} wants ${name}@${version}: not an exact version, add its lock entry by hand`);
      }
      missing.set(hoisted, version);
    }
  }
  return [...missing].map(([key, version]) => ({ key, version }));
}

export function withPlatformEntries(lock: Lockfile): Lockfile {
  const packages = { ...lock.packages };
  for (const { key, version } of missingOptionalEntries(lock)) packages[key] = { version, optional: true };
  const sorted = Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  return { ...lock, packages: Object.fromEntries(sorted) };
}
