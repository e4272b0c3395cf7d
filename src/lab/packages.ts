/** What the lab needs from the host, and installing it from Debian's packages when we can. */
import { have, run } from './shell.ts';

/** Program → Debian package that provides it. */
export const REQUIREMENTS: ReadonlyArray<readonly [string, string]> = [
  ['dockerd', 'docker.io'],
  ['docker', 'docker.io'],
  ['docker-registry', 'docker-registry'],
  ['busybox', 'busybox-static'],
  ['ip', 'iproute2'],
  ['iptables', 'iptables'],
  ['nsenter', 'util-linux'],
  ['unshare', 'util-linux'],
  ['tar', 'tar'],
];

export function missingPrograms(): Array<readonly [string, string]> {
  return REQUIREMENTS.filter(([prog]) => !have(prog));
}

/**
 * Installs the Debian packages for whatever is missing. Returns the problems left:
 * an empty list means everything is there.
 */
export function ensurePackages(say: (line: string) => void): string[] {
  let missing = missingPrograms();
  if (missing.length === 0) return [];
  const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
  if (!have('apt-get')) {
    return missing.map(([prog, pkg]) => `${prog} (Debian package ${pkg})`);
  }
  say(`Installing ${pkgs.join(', ')} from Debian's packages (missing: ${missing.map(([p]) => p).join(', ')})`);
  const env = { ...processEnvForApt() };
  const upd = run('apt-get', ['update', '-qq'], { env, timeoutMs: 600_000 });
  if (upd.code !== 0) say(`apt-get update failed: ${upd.stderr.trim()}`);
  const inst = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env, timeoutMs: 900_000 });
  if (inst.code !== 0) say(`apt-get install failed: ${inst.stderr.trim().split('\n').slice(-3).join(' ')}`);
  missing = missingPrograms();
  return missing.map(([prog, pkg]) => `${prog} (Debian package ${pkg})`);
}

function processEnvForApt(): Record<string, string> {
  return { DEBIAN_FRONTEND: 'noninteractive', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
}
