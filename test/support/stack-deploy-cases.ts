/**
 * The `stack deploy` cases replayed against the fake daemon (test/support/fake-daemon.ts with stack-routes.ts):
 * captured from docker by test/capture/stack-deploy.mjs, compared with tsw by
 * test/unit/stack-deploy.test.ts.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StackDaemonState } from './stack-routes.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/stack-deploy/', import.meta.url));
export const REGISTRY = 'registry.test:5000';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

export const ENV: Record<string, string> = {
  TSW_LAB_REGISTRY: REGISTRY,
  TSWDP_STACK: 'app',
  TSWDP_SUBNET: '10.231.99.0/24',
  TSWDP_PORT0: '27990',
  TSWDP_PORT1: '27991',
  TSWDP_PORT2: '27992',
  TSWDP_PLAIN: 'plain value',
  TSWDP_EMPTY: '',
  TSWDP_REPLICAS: '0',
};

export interface StackCase {
  readonly args: readonly string[];
  readonly state: StackDaemonState;
}

const digests = { [`${REGISTRY}/busybox:1`]: D1, [`${REGISTRY}/busybox:2`]: D2 };

function deploy(files: readonly string[], extra: readonly string[] = [], stack = 'app'): string[] {
  return ['stack', 'deploy', ...files.flatMap((f) => ['-c', join(FIXTURES, f)]), ...extra, stack];
}

const existing: StackDaemonState = {
  digests,
  networks: [{ name: 'app_default', scope: 'swarm', stack: 'app' }],
  services: [
    { name: 'app_web', stack: 'app', imageLabel: `${REGISTRY}/busybox:1`, image: `${REGISTRY}/busybox:1@${D1}`, forceUpdate: 3 },
    { name: 'app_gone', stack: 'app', imageLabel: `${REGISTRY}/busybox:1`, image: `${REGISTRY}/busybox:1@${D1}` },
    { name: 'app_stay', stack: 'app', imageLabel: `${REGISTRY}/busybox:1`, image: `${REGISTRY}/busybox:1@${D1}` },
  ],
};

export const cases: Record<string, StackCase> = {
  basic: { args: deploy(['01-basic.yml']), state: { digests } },
  'deploy-full': { args: deploy(['02-deploy-full.yml']), state: { digests } },
  modes: { args: deploy(['03-modes.yml']), state: { digests } },
  'volumes-networks': { args: deploy(['04-volumes-networks.yml']), state: { digests } },
  'configs-secrets': { args: deploy(['05-configs-secrets.yml']), state: { digests } },
  'configs-secrets-existing': {
    args: deploy(['05-configs-secrets.yml']),
    state: { digests, secrets: [{ name: 'app_db_pw', stack: 'app' }], configs: [{ name: 'app-named-conf', stack: 'app' }] },
  },
  ports: { args: deploy(['06-ports.yml']), state: { digests } },
  anchors: { args: deploy(['07-anchors.yml']), state: { digests } },
  interpolation: { args: deploy(['08-interpolation.yml']), state: { digests } },
  multi: { args: deploy(['09-multi-a.yml', '09-multi-b.yml']), state: { digests } },
  unsupported: { args: deploy(['10-unsupported.yml']), state: { digests } },
  container: { args: deploy(['11-container.yml']), state: { digests } },
  'no-digest': { args: deploy(['01-basic.yml']), state: {} },
  'redeploy-prune': { args: deploy(['12-redeploy-2.yml'], ['--prune']), state: existing },
  'redeploy-changed': { args: deploy(['12-redeploy-2.yml'], ['--resolve-image', 'changed']), state: existing },
  'redeploy-never': { args: deploy(['12-redeploy-1.yml'], ['--resolve-image', 'never', '-d']), state: existing },
  'redeploy-never-changed-image': { args: deploy(['12-redeploy-2.yml'], ['--resolve-image=never']), state: existing },
  'redeploy-no-digest': { args: deploy(['12-redeploy-2.yml']), state: { ...existing, digests: {} } },
  'with-registry-auth': { args: deploy(['01-basic.yml'], ['--with-registry-auth']), state: { digests } },
  external: { args: deploy(['13-external.yml']), state: { digests, networks: [{ name: 'tswdpx-ext', scope: 'swarm' }] } },
  'external-missing': { args: deploy(['13-external.yml']), state: { digests } },
  'external-local': { args: deploy(['13-external.yml']), state: { digests, networks: [{ name: 'tswdpx-ext', scope: 'local' }] } },
  'existing-network': { args: deploy(['04-volumes-networks.yml']), state: { digests, networks: [{ name: 'app_front', scope: 'swarm', stack: 'app' }] } },
  worker: { args: deploy(['01-basic.yml']), state: { worker: true } },
  'bad-resolve-image': { args: deploy(['01-basic.yml'], ['--resolve-image', 'often']), state: {} },
  misc: {
    args: deploy(['15-misc.yml']),
    state: { digests: { ...digests, [`${REGISTRY}/busybox:latest`]: D1 }, secrets: [{ name: 'app_drv', stack: 'app' }] },
  },
  'err-volume': { args: deploy(['16-err-volume.yml']), state: {} },
  'err-restart': { args: deploy(['16-err-restart.yml']), state: {} },
  'err-health': { args: deploy(['16-err-health.yml']), state: {} },
  'err-cpus': { args: deploy(['16-err-cpus.yml']), state: {} },
  'err-credspec': { args: deploy(['16-err-credspec.yml']), state: {} },
  'err-mode': { args: deploy(['16-err-mode.yml']), state: {} },
  'err-tmpfs': { args: deploy(['16-err-tmpfs.yml']), state: {} },
  'err-dupsecret': { args: deploy(['16-err-dupsecret.yml']), state: {} },
  'external-secret-missing': { args: deploy(['17-external-secret.yml']), state: { digests } },
  'external-secret': { args: deploy(['17-external-secret.yml']), state: { digests, secrets: [{ name: 'shared-secret' }] } },
  'restart-on_failure_x': { args: deploy(['18-restart-on_failure_x.yml']), state: {} },
  'restart-_3': { args: deploy(['18-restart-_3.yml']), state: {} },
  'restart-on_failure__1': { args: deploy(['18-restart-on_failure__1.yml']), state: {} },
  'restart-always_5': { args: deploy(['18-restart-always_5.yml']), state: {} },
  'restart-no': { args: deploy(['18-restart-no.yml']), state: {} },
  odd: { args: deploy(['19-odd.yml']), state: { digests } },
  escapes: { args: deploy(['20-escapes.yml']), state: { digests } },
  'prune-fails': { args: deploy(['12-redeploy-2.yml'], ['--prune']), state: { ...existing, failDelete: true } },
  'bad-stack-name': { args: deploy(['01-basic.yml'], [], "' '"), state: {} },
};
