import { readFileSync } from 'node:fs';
import os from 'node:os';
import type postgres from 'postgres';
import type { MachineInfo } from './figures';

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

/** What the figures were measured on: they mean little without it. */
export async function machineInfo(write: postgres.Sql, meiliUrl: string, meiliKey: string): Promise<MachineInfo> {
  const [row] = await write<{ version: string }[]>`select version()`;
  const version = row!.version;
  const meili = (await (await fetch(`${meiliUrl}/version`, { headers: { authorization: `Bearer ${meiliKey}` } })).json()) as { pkgVersion: string };
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    node: process.versions.node,
    postgres: version.split(' on ')[0] ?? version,
    meilisearch: meili.pkgVersion,
  };
}
