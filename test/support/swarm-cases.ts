/**
 * The `docker swarm …` cases replayed against the fake daemon (test/support/swarm-routes.ts):
 * test/capture/swarm.mjs runs docker on each and writes test/golden/swarm/<name>.json
 * (stdout, stderr, exit code and every request docker made); test/unit/swarm-golden.test.ts
 * runs tsw on the same case and compares. Paths are relative to the repository root.
 */
import type { Reply } from './fake-daemon.ts';
import { MANAGER_TOKEN, type Scenario, swarmFixture, UNLOCK_KEY, WORKER_TOKEN } from './swarm-routes.ts';

export interface SwarmCase {
  readonly args: readonly string[];
  readonly scenario?: Scenario;
  /** stdin (a pipe; with ttyColumns, what is typed on the terminal). */
  readonly input?: string;
  /** Run on a terminal of this width (the capture uses `script`; output has "\r\n" line ends). */
  readonly ttyColumns?: number;
}

const F = 'test/fixtures/swarm';
const inactive: Scenario = { state: 'inactive' };
const err = (status: number, message: string): Reply => ({ status, json: { message } });
const NOT_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** Root rotation that converges over a few polls (3 nodes). */
const rotating: Scenario = {
  rotation: [
    { certsRight: 0, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 1, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 3, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 3, rootsRight: 1, total: 3, inProgress: false },
    { certsRight: 3, rootsRight: 3, total: 3, inProgress: false },
  ],
};

export const swarmCases: Readonly<Record<string, SwarmCase>> = {
  // --- help and usage
  'group-help': { args: ['swarm', '--help'] },
  'group-bare': { args: ['swarm'] },
  'group-unknown': { args: ['swarm', 'bogus'] },
  'init-help': { args: ['swarm', 'init', '--help'] },
  'join-help': { args: ['swarm', 'join', '--help'] },
  'join-token-help': { args: ['swarm', 'join-token', '-h'] },
  'leave-help': { args: ['swarm', 'leave', '--help'] },
  'update-help': { args: ['swarm', 'update', '--help'] },
  'update-no-flags': { args: ['swarm', 'update'] },
  'unlock-help': { args: ['swarm', 'unlock', '--help'] },
  'unlock-key-help': { args: ['swarm', 'unlock-key', '--help'] },
  'ca-help': { args: ['swarm', 'ca', '--help'] },
  'init-extra-arg': { args: ['swarm', 'init', 'x'] },
  'join-no-arg': { args: ['swarm', 'join'] },
  'join-two-args': { args: ['swarm', 'join', 'a', 'b'] },
  'join-token-no-arg': { args: ['swarm', 'join-token'] },
  'leave-extra-arg': { args: ['swarm', 'leave', 'x'] },
  'update-extra-arg': { args: ['swarm', 'update', 'x'] },
  'unlock-extra-arg': { args: ['swarm', 'unlock', 'x'] },
  'unlock-unknown-flag': { args: ['swarm', 'unlock', '--force'] },
  'ca-unknown-shorthand': { args: ['swarm', 'ca', '-x'] },

  // --- flag values (pflag errors, exit 125)
  'flag-int64-syntax': { args: ['swarm', 'init', '--task-history-limit', 'x'] },
  'flag-int64-range': { args: ['swarm', 'update', '--task-history-limit', '9223372036854775808'] },
  'flag-int64-range-neg': { args: ['swarm', 'init', '--task-history-limit', '-9223372036854775809'] },
  'flag-uint64-minus': { args: ['swarm', 'init', '--max-snapshots', '-1'] },
  'flag-uint64-plus': { args: ['swarm', 'init', '--max-snapshots', '+1'] },
  'flag-uint64-range': { args: ['swarm', 'update', '--max-snapshots', '18446744073709551616'] },
  'flag-uint64-range-then-junk': { args: ['swarm', 'init', '--snapshot-interval', '99999999999999999999x'] },
  'flag-uint64-bad-prefix': { args: ['swarm', 'init', '--snapshot-interval', '0x'] },
  'flag-uint64-underscore': { args: ['swarm', 'init', '--snapshot-interval', '1__0'] },
  'flag-uint32-range': { args: ['swarm', 'init', '--data-path-port', '4294967296'] },
  'flag-uint32-syntax': { args: ['swarm', 'init', '--default-addr-pool-mask-length', 'abc'] },
  'flag-uint32-empty': { args: ['swarm', 'init', '--data-path-port='] },
  'flag-duration-unit': { args: ['swarm', 'init', '--cert-expiry', '5x'] },
  'flag-duration-missing-unit': { args: ['swarm', 'update', '--dispatcher-heartbeat', '1'] },
  'flag-duration-empty': { args: ['swarm', 'ca', '--cert-expiry', ''] },
  'flag-duration-overflow': { args: ['swarm', 'init', '--dispatcher-heartbeat', '99999999999h'] },
  'flag-duration-quote': { args: ['swarm', 'init', '--cert-expiry', '1"é\t'] },
  'flag-duration-missing': { args: ['swarm', 'init', '--cert-expiry'] },
  'flag-ipnet-no-mask': { args: ['swarm', 'init', '--default-addr-pool', '10.0.0.0'] },
  'flag-ipnet-second-bad': { args: ['swarm', 'init', '--default-addr-pool', '10.0.0.0/8, x'] },
  'flag-ipnet-leading-zero': { args: ['swarm', 'init', '--default-addr-pool', '010.0.0.0/8'] },
  'flag-ipnet-mask-too-long': { args: ['swarm', 'init', '--default-addr-pool', '10.0.0.0/33'] },
  'flag-node-addr-proto': { args: ['swarm', 'init', '--listen-addr', 'udp://1.2.3.4'] },
  'flag-node-addr-colons': { args: ['swarm', 'join', '--listen-addr', ':::', 'x:1'] },
  'flag-node-addr-port': { args: ['swarm', 'init', '--listen-addr', '1.2.3.4:abc'] },
  'flag-bool-value': { args: ['swarm', 'init', '--autolock=maybe'] },
  'flag-bool-quote': { args: ['swarm', 'leave', '--force=a"b'] },
  'flag-external-ca-empty': { args: ['swarm', 'init', '--external-ca', ''] },
  'flag-external-ca-bare-quote': { args: ['swarm', 'update', '--external-ca', 'protocol=cfssl,url=a"b'] },
  'flag-external-ca-quote': { args: ['swarm', 'init', '--external-ca', '"protocol=cfssl"x,url=u'] },
  'flag-external-ca-unterminated': { args: ['swarm', 'init', '--external-ca', '"protocol=cfssl'] },
  'flag-external-ca-multibyte': { args: ['swarm', 'init', '--external-ca', 'x=é,"é"z'] },
  'flag-external-ca-lines': { args: ['swarm', 'init', '--external-ca', '\n\nprotocol=cfssl,url=x"'] },
  'flag-external-ca-multiline': { args: ['swarm', 'init', '--external-ca', '"a\nb"c'] },
  'flag-external-ca-protocol': { args: ['swarm', 'init', '--external-ca', 'protocol=acme,url=x'] },
  'flag-external-ca-no-protocol': { args: ['swarm', 'init', '--external-ca', 'url=https://x'] },
  'flag-external-ca-no-url': { args: ['swarm', 'ca', '--external-ca', 'PROTOCOL=CFSSL'] },
  'flag-external-ca-no-equals': { args: ['swarm', 'init', '--external-ca', 'protocol=cfssl,foo'] },
  'flag-external-ca-cacert-missing': { args: ['swarm', 'init', '--external-ca', `protocol=cfssl,url=x,cacert=${F}/nope.pem`] },
  'flag-external-ca-cacert-dir': { args: ['swarm', 'init', '--external-ca', `protocol=cfssl,url=x,cacert=${F}`] },
  'flag-external-ca-cacert-not-pem': { args: ['swarm', 'init', '--external-ca', `protocol=cfssl,url=x,cacert=${F}/not-pem.txt`] },
  'flag-pem-missing': { args: ['swarm', 'ca', '--ca-cert', `${F}/nope.pem`] },
  'flag-pem-dir': { args: ['swarm', 'ca', '--ca-key', F] },
  'flag-pem-not-pem': { args: ['swarm', 'ca', '--ca-cert', `${F}/not-pem.txt`] },
  'flag-pem-bad-base64': { args: ['swarm', 'ca', '--ca-cert', `${F}/bad-base64.pem`] },
  'flag-pem-trailing': { args: ['swarm', 'ca', '--ca-cert', `${F}/trailing.pem`] },
  // Accepted PEM files: the error is then the missing --rotate.
  'pem-headers-ok': { args: ['swarm', 'ca', '--ca-key', `${F}/headers.pem`] },
  'pem-crlf-ok': { args: ['swarm', 'ca', '--ca-cert', `${F}/crlf.pem`] },
  'pem-second-block-ok': { args: ['swarm', 'ca', '--ca-cert', `${F}/second-block.pem`] },
  'pem-empty-block-ok': { args: ['swarm', 'ca', '--ca-cert', `${F}/empty-block.pem`] },

  // --- init
  'init-default': { args: ['swarm', 'init'], scenario: inactive },
  'init-all-flags': {
    args: [
      'swarm', 'init', '--advertise-addr', '192.168.250.14', '--listen-addr', 'eth0:4567', '--data-path-addr', '10.1.1.1',
      '--data-path-port', '7789', '--default-addr-pool', '10.20.0.0/16', '--default-addr-pool', '10.30.1.1/16,2001:DB8::1/48',
      '--default-addr-pool-mask-length', '26', '--autolock', '--availability', 'DRAIN', '--cert-expiry', '1000h30m',
      '--dispatcher-heartbeat', '3s', '--external-ca', 'protocol=cfssl,url=https://ca.example.com,foo=bar,Foo=baz',
      '--external-ca', `PROTOCOL=CFSSL,URL=https://b.example.com,cacert=${F}/ca.pem`, '--force-new-cluster',
      '--max-snapshots', '3', '--snapshot-interval', '0x100', '--task-history-limit', '-1',
    ],
    scenario: { state: 'inactive', unlockKey: UNLOCK_KEY },
  },
  'init-big-numbers': {
    args: ['swarm', 'init', '--max-snapshots', '18446744073709551615', '--task-history-limit', '9223372036854775807', '--cert-expiry', '2562047h47m16.854775807s'],
    scenario: inactive,
  },
  'init-listen-addr-forms': { args: ['swarm', 'init', '--listen-addr', 'tcp://:2400', '--default-addr-pool', ''], scenario: inactive },
  'init-addr-pool-forms': {
    args: [
      'swarm', 'init', '--default-addr-pool', '::ffff:10.1.2.3/120,::ffff:10.1.2.3/100', '--default-addr-pool', `1:0:0:2:0:0:0:3/128,"::1.2.3.4/128"`,
      '--default-addr-pool', ' 10.0.0.0/0024 ,fe80::/10,::/0', '--default-addr-pool', '\n\n192.168.7.7/16\n10.0.0.0/8',
    ],
    scenario: inactive,
  },
  'init-number-forms': {
    args: ['swarm', 'init', '--task-history-limit', '-0b101', '--max-snapshots', '0o7', '--snapshot-interval', '1_000', '--data-path-port', '0x1F4B', '--default-addr-pool-mask-length', '030'],
    scenario: inactive,
  },
  'init-external-ca-csv': {
    args: ['swarm', 'init', '--external-ca', '"protocol=cfssl","url=https://x.example.com/a,b","q=""quoted""",empty=,=v', '--external-ca', 'protocol=cfssl,url=u\r\nignored=line'],
    scenario: inactive,
  },
  'init-duration-forms': { args: ['swarm', 'init', '--dispatcher-heartbeat', '1.5h', '--cert-expiry', '+90m0.0001s1µs1ns'], scenario: inactive },
  'init-autolock-false': { args: ['swarm', 'init', '--autolock=false', '--availability', 'active'], scenario: inactive },
  'init-bad-availability': { args: ['swarm', 'init', '--availability', 'Bo"gus'], scenario: inactive },
  'init-no-advertise-addr': {
    args: ['swarm', 'init'],
    scenario: {
      state: 'inactive',
      replies: { 'POST /swarm/init': err(400, 'could not choose an IP address to advertise since this system has multiple addresses on different interfaces (10.0.2.15 on eth0 and 192.168.99.100 on eth1)') },
    },
  },
  'init-already': {
    args: ['swarm', 'init'],
    scenario: { replies: { 'POST /swarm/init': err(503, 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.') } },
  },
  'init-not-manager-after': { args: ['swarm', 'init', '--autolock'], scenario: { state: 'inactive', manager: false, unlockKey: UNLOCK_KEY } },
  'init-unlock-key-fails': {
    args: ['swarm', 'init', '--autolock'],
    scenario: { state: 'inactive', replies: { 'GET /swarm/unlockkey': err(500, 'boom') } },
  },

  // --- join
  'join-worker': { args: ['swarm', 'join', '--token', WORKER_TOKEN, '192.168.250.14:2377'], scenario: { manager: false } },
  'join-manager': {
    args: ['swarm', 'join', '--listen-addr', '0.0.0.0:2400', '--advertise-addr', 'eth0', '--data-path-addr', 'eth1', '--availability', 'Pause', '--token', MANAGER_TOKEN, 'node-1'],
    scenario: {},
  },
  'join-bad-availability': { args: ['swarm', 'join', '--availability', 'x', '1.2.3.4'], scenario: inactive },
  'join-error': {
    args: ['swarm', 'join', '--token', 'SWMTKN-1-bad', '192.168.250.14:2377'],
    scenario: { state: 'inactive', replies: { 'POST /swarm/join': err(500, 'invalid join token') } },
  },

  // --- join-token
  'join-token-worker': { args: ['swarm', 'join-token', 'worker'] },
  'join-token-manager': { args: ['swarm', 'join-token', 'manager'] },
  'join-token-quiet': { args: ['swarm', 'join-token', '-q', 'worker'] },
  'join-token-quiet-manager': { args: ['swarm', 'join-token', 'manager', '--quiet'] },
  'join-token-rotate-worker': { args: ['swarm', 'join-token', '--rotate', 'worker'] },
  'join-token-rotate-manager-quiet': { args: ['swarm', 'join-token', '--rotate', '-q', 'manager'] },
  'join-token-rotate-big-numbers': { args: ['swarm', 'join-token', '--rotate', '-q', 'worker'], scenario: { swarm: swarmFixture({ big: true, externalCA: true }) } },
  'join-token-unknown-role': { args: ['swarm', 'join-token', 'Worker'] },
  'join-token-not-a-manager-node': { args: ['swarm', 'join-token', 'worker'], scenario: { manager: false } },
  'join-token-not-in-swarm': { args: ['swarm', 'join-token', '--rotate', 'worker'], scenario: { state: 'inactive', replies: { 'GET /swarm': err(503, NOT_MANAGER) } } },

  // --- leave
  'leave': { args: ['swarm', 'leave'] },
  'leave-force': { args: ['swarm', 'leave', '-f'] },
  'leave-force-false': { args: ['swarm', 'leave', '--force=false'] },
  'leave-error': {
    args: ['swarm', 'leave'],
    scenario: {
      replies: {
        'POST /swarm/leave': err(
          503,
          'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.',
        ),
      },
    },
  },

  // --- update
  'update-task-history': { args: ['swarm', 'update', '--task-history-limit', '10'] },
  'update-durations': { args: ['swarm', 'update', '--dispatcher-heartbeat', '1m30.5s', '--cert-expiry', '720h'] },
  'update-raft': { args: ['swarm', 'update', '--max-snapshots', '0', '--snapshot-interval', '0o17'] },
  'update-autolock-on': { args: ['swarm', 'update', '--autolock'], scenario: { unlockKey: UNLOCK_KEY } },
  'update-autolock-already-on': { args: ['swarm', 'update', '--autolock=true'], scenario: { swarm: swarmFixture({ autolock: true }), unlockKey: UNLOCK_KEY } },
  'update-autolock-off': { args: ['swarm', 'update', '--autolock=false'], scenario: { swarm: swarmFixture({ autolock: true }), unlockKey: UNLOCK_KEY } },
  'update-autolock-key-fails': { args: ['swarm', 'update', '--autolock'], scenario: { replies: { 'GET /swarm/unlockkey': err(500, 'no key') } } },
  'update-external-ca': {
    args: ['swarm', 'update', '--external-ca', 'protocol=cfssl,url=https://a.example.com', '--external-ca', `protocol=cfssl,url=https://b.example.com,cacert=${F}/ca.pem,x=y`],
    scenario: { swarm: swarmFixture({ externalCA: true }) },
  },
  'update-big-numbers': { args: ['swarm', 'update', '--dispatcher-heartbeat', '1s'], scenario: { swarm: swarmFixture({ big: true }) } },
  'update-error': { args: ['swarm', 'update', '--task-history-limit', '1'], scenario: { replies: { 'POST /swarm/update': err(500, 'update out of sequence') } } },
  'update-not-manager': { args: ['swarm', 'update', '--autolock'], scenario: { state: 'inactive', replies: { 'GET /swarm': err(503, NOT_MANAGER) } } },

  // --- unlock-key
  'unlock-key': { args: ['swarm', 'unlock-key'], scenario: { unlockKey: UNLOCK_KEY } },
  'unlock-key-quiet': { args: ['swarm', 'unlock-key', '-q'], scenario: { unlockKey: UNLOCK_KEY } },
  'unlock-key-none': { args: ['swarm', 'unlock-key'] },
  'unlock-key-rotate': { args: ['swarm', 'unlock-key', '--rotate'], scenario: { swarm: swarmFixture({ autolock: true }), unlockKey: UNLOCK_KEY } },
  'unlock-key-rotate-quiet': { args: ['swarm', 'unlock-key', '--rotate', '-q'], scenario: { swarm: swarmFixture({ autolock: true }), unlockKey: UNLOCK_KEY } },
  'unlock-key-rotate-no-autolock': { args: ['swarm', 'unlock-key', '--rotate'], scenario: { unlockKey: UNLOCK_KEY } },
  'unlock-key-fails': { args: ['swarm', 'unlock-key'], scenario: { replies: { 'GET /swarm/unlockkey': err(503, NOT_MANAGER) } } },

  // --- unlock
  'unlock-inactive': { args: ['swarm', 'unlock'], scenario: inactive, input: 'key\n' },
  'unlock-active': { args: ['swarm', 'unlock'], input: 'key\n' },
  'unlock-pending': { args: ['swarm', 'unlock'], scenario: { state: 'pending' } },
  'unlock-error-state': { args: ['swarm', 'unlock'], scenario: { state: 'error' } },
  'unlock-locked': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: `${UNLOCK_KEY}\n` },
  'unlock-locked-trimmed': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: `  \t${UNLOCK_KEY} \r\nsecond line\n` },
  'unlock-locked-no-newline': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: UNLOCK_KEY },
  'unlock-locked-empty': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: '' },
  'unlock-locked-tty': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: `${UNLOCK_KEY}\r`, ttyColumns: 80 },
  'unlock-locked-tty-backspace': { args: ['swarm', 'unlock'], scenario: { state: 'locked' }, input: `${UNLOCK_KEY}x\x7f\r`, ttyColumns: 80 },
  'unlock-active-tty': { args: ['swarm', 'unlock'], input: 'ignored\r', ttyColumns: 80 },
  'unlock-wrong-key': {
    args: ['swarm', 'unlock'],
    scenario: { state: 'locked', replies: { 'POST /swarm/unlock': err(400, 'swarm could not be unlocked: invalid key provided') } },
    input: 'SWMKEY-1-wrong\n',
  },

  // --- ca
  'ca-show': { args: ['swarm', 'ca'] },
  'ca-show-no-trust-root': { args: ['swarm', 'ca'], scenario: { swarm: { ...swarmFixture(), TLSInfo: {} } } },
  'ca-cert-expiry-without-rotate': { args: ['swarm', 'ca', '--cert-expiry', '10h'] },
  'ca-external-ca-without-rotate': { args: ['swarm', 'ca', '--external-ca', 'protocol=cfssl,url=x'] },
  'ca-cert-without-rotate': { args: ['swarm', 'ca', '--ca-key', `${F}/ca-key.pem`, '--ca-cert', `${F}/ca.pem`] },
  'ca-rotate-external-without-cert': { args: ['swarm', 'ca', '--rotate', '--external-ca', 'protocol=cfssl,url=x'] },
  'ca-rotate-cert-without-key': { args: ['swarm', 'ca', '--rotate', '--ca-cert', `${F}/ca.pem`] },
  'ca-rotate-not-manager': { args: ['swarm', 'ca', '--rotate', '--ca-cert', `${F}/ca.pem`], scenario: { replies: { 'GET /swarm': err(503, NOT_MANAGER) } } },
  'ca-rotate': { args: ['swarm', 'ca', '--rotate'] },
  'ca-rotate-progress': { args: ['swarm', 'ca', '--rotate'], scenario: rotating },
  'ca-rotate-detach': { args: ['swarm', 'ca', '--rotate', '-d'], scenario: rotating },
  'ca-rotate-quiet': { args: ['swarm', 'ca', '--rotate', '--quiet'], scenario: rotating },
  'ca-rotate-cert-key': {
    args: ['swarm', 'ca', '--rotate', '--ca-cert', `${F}/ca.pem`, '--ca-key', `${F}/ca-key.pem`, '--cert-expiry', '100h'],
    scenario: { swarm: swarmFixture({ externalCA: true }) },
  },
  'ca-rotate-external': {
    args: ['swarm', 'ca', '--rotate', '-d', '--ca-cert', `${F}/ca.pem`, '--external-ca', 'protocol=cfssl,url=https://ca.example.com', '--external-ca', `protocol=cfssl,url=https://b.example.com,cacert=${F}/crlf.pem`],
  },
  'ca-rotate-force-increment': { args: ['swarm', 'ca', '--rotate', '-d', '--external-ca', 'protocol=cfssl,url=x', '--ca-cert', `${F}/ca.pem`, '--ca-key', `${F}/ca-key.pem`], scenario: { swarm: swarmFixture({ externalCA: true }) } },
  'ca-rotate-force-big': { args: ['swarm', 'ca', '--rotate', '-d'], scenario: { swarm: swarmFixture({ big: true, externalCA: true }) } },
  'ca-rotate-poll-error': { args: ['swarm', 'ca', '--rotate'], scenario: { replies: { 'GET /nodes': err(500, 'nodes unavailable') } } },
  'ca-rotate-tty-wide': { args: ['swarm', 'ca', '--rotate'], scenario: rotating, ttyColumns: 150 },
  'ca-rotate-tty-narrow': { args: ['swarm', 'ca', '--rotate'], scenario: rotating, ttyColumns: 80 },
};
