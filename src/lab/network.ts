/** The lab's network: a bridge, a namespace and veth pair per node, one FORWARD rule. */
import { existsSync } from 'node:fs';
import { BRIDGE, BRIDGE_ADDR, nodeNames } from './config.ts';
import { must, run } from './shell.ts';

const FORWARD_RULE = ['FORWARD', '-i', BRIDGE, '-o', BRIDGE, '-j', 'ACCEPT'];

function linkExists(name: string): boolean {
  return run('ip', ['link', 'show', name]).code === 0;
}

/** Creates the bridge (idempotent) and lets traffic cross it even when FORWARD drops by default. */
export function ensureBridge(): void {
  if (!linkExists(BRIDGE)) {
    must('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
    must('ip', ['addr', 'add', `${BRIDGE_ADDR}/24`, 'dev', BRIDGE]);
  }
  must('ip', ['link', 'set', BRIDGE, 'up']);
  if (run('iptables', ['-C', ...FORWARD_RULE]).code !== 0) {
    must('iptables', ['-I', ...FORWARD_RULE]);
  }
}

/** Creates node n's namespace and wires it to the bridge (idempotent). */
export function ensureNodeNetwork(n: number): void {
  const nn = nodeNames(n);
  if (!existsSync(`/var/run/netns/${nn.netns}`)) must('ip', ['netns', 'add', nn.netns]);
  if (!linkExists(nn.vethHost)) {
    must('ip', ['link', 'add', nn.vethHost, 'type', 'veth', 'peer', 'name', nn.vethNode]);
    must('ip', ['link', 'set', nn.vethNode, 'netns', nn.netns]);
    must('ip', ['link', 'set', nn.vethHost, 'master', BRIDGE]);
  }
  must('ip', ['link', 'set', nn.vethHost, 'up']);
  const inNs = (args: string[]) => must('ip', ['netns', 'exec', nn.netns, 'ip', ...args]);
  const addrs = run('ip', ['netns', 'exec', nn.netns, 'ip', '-4', 'addr', 'show', 'dev', nn.vethNode]).stdout;
  if (!addrs.includes(`${nn.addr}/24`)) inNs(['addr', 'add', `${nn.addr}/24`, 'dev', nn.vethNode]);
  inNs(['link', 'set', nn.vethNode, 'up']);
  inNs(['link', 'set', 'lo', 'up']);
  const routes = run('ip', ['netns', 'exec', nn.netns, 'ip', 'route', 'show', 'default']).stdout;
  if (!routes.includes('default')) inNs(['route', 'add', 'default', 'via', BRIDGE_ADDR]);
}

/** Removes node n's namespace and links; missing pieces are fine. */
export function removeNodeNetwork(n: number): void {
  const nn = nodeNames(n);
  if (linkExists(nn.vethHost)) run('ip', ['link', 'del', nn.vethHost]);
  if (existsSync(`/var/run/netns/${nn.netns}`)) run('ip', ['netns', 'del', nn.netns]);
}

/** Removes the bridge and the FORWARD rule. */
export function removeBridge(): void {
  while (run('iptables', ['-C', ...FORWARD_RULE]).code === 0) run('iptables', ['-D', ...FORWARD_RULE]);
  if (linkExists(BRIDGE)) run('ip', ['link', 'del', BRIDGE]);
}

/** Namespaces named like lab nodes, whatever the recorded state says (for a thorough down). */
export function labNamespaces(): string[] {
  const out = run('ip', ['netns', 'list']).stdout;
  return out
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((l) => /^tswlab-node-\d+$/.test(l));
}
