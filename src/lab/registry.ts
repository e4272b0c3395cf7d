/** The lab's registry (Debian's docker-registry) and the busybox images pushed to it. */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IMAGE_REPO,
  IMAGE_TAGS,
  LAB_RUN,
  REGISTRY,
  REGISTRY_CONFIG,
  REGISTRY_DATA,
  REGISTRY_LOG,
  REGISTRY_PID,
} from './config.ts';
import { dockerAt, livePid, pidAlive, poll, waitFor } from './nodes.ts';
import { must, run, startDaemon } from './shell.ts';

const APPLETS = ['sh', 'sleep', 'true', 'false', 'echo', 'cat', 'ls', 'httpd', 'wget', 'env', 'hostname', 'ps', 'date', 'nc', 'ping', 'id', 'kill', 'test', '['];

/** GET on the registry's HTTP API: status and body, or status 0 when it does not answer. */
function registryGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = httpGet(`http://${REGISTRY}${path}`, { timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

async function registryAnswers(): Promise<boolean> {
  return (await registryGet('/v2/')).status === 200;
}

async function pushedTags(): Promise<string[]> {
  const r = await registryGet('/v2/busybox/tags/list');
  if (r.status !== 200) return [];
  try {
    return (JSON.parse(r.body) as { tags?: string[] | null }).tags ?? [];
  } catch {
    return [];
  }
}

export async function startRegistry(): Promise<void> {
  if (livePid(REGISTRY_PID) !== undefined && (await registryAnswers())) return;
  mkdirSync(LAB_RUN, { recursive: true });
  mkdirSync(REGISTRY_DATA, { recursive: true });
  writeFileSync(
    REGISTRY_CONFIG,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${REGISTRY_DATA}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${REGISTRY}`,
      '',
    ].join('\n'),
  );
  const pid = startDaemon('docker-registry', ['serve', REGISTRY_CONFIG], REGISTRY_LOG);
  writeFileSync(REGISTRY_PID, `${pid}\n`);
  await waitFor(registryAnswers, 20_000, () => `the lab registry did not answer on ${REGISTRY} (log: ${REGISTRY_LOG})`);
}

export async function stopRegistry(): Promise<void> {
  const pid = livePid(REGISTRY_PID);
  if (pid === undefined) return;
  run('kill', ['-TERM', String(pid)]);
  await poll(() => !pidAlive(pid), 10_000);
}

/**
 * Builds a busybox image per tag from the host's static busybox (no image can be pulled
 * here) and pushes it through node 1. Each tag carries a file naming it, so digests differ.
 */
export async function pushImages(): Promise<void> {
  const pushed = await pushedTags();
  for (const tag of IMAGE_TAGS) {
    const ref = `${IMAGE_REPO}:${tag}`;
    if (pushed.includes(tag)) continue;
    const root = mkdtempSync(join(tmpdir(), 'tsw-lab-image-'));
    try {
      mkdirSync(join(root, 'bin'));
      mkdirSync(join(root, 'etc'));
      mkdirSync(join(root, 'tmp'));
      copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
      chmodSync(join(root, 'bin/busybox'), 0o755);
      for (const a of APPLETS) symlinkSync('busybox', join(root, 'bin', a));
      writeFileSync(join(root, 'etc/tsw-lab-tag'), `${tag}\n`);
      writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
      writeFileSync(join(root, 'etc/group'), 'root:x:0:\nnobody:x:65534:\n');
      const archive = join(root, '..', `tsw-lab-image-${tag}.tar`);
      must('tar', ['-C', root, '-cf', archive, '.']);
      try {
        const imp = dockerAt(1, ['import', '-c', 'CMD ["sleep","86400"]', '-c', 'ENV PATH=/bin', archive, ref]);
        if (imp.code !== 0) throw new Error(`docker import ${ref} failed: ${imp.stderr.trim()}`);
        const push = dockerAt(1, ['push', ref]);
        if (push.code !== 0) throw new Error(`docker push ${ref} failed: ${push.stderr.trim()}`);
      } finally {
        rmSync(archive, { force: true });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}
