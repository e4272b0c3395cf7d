#!/usr/bin/env node
// Captures what docker 28 prints for `docker stack config` on the compose fixtures
// (test/fixtures/compose/cases.json), and for the loader part of `docker stack deploy` on the
// failing deploy cases (nothing is created: each one fails while loading the files).
// The fixture folder is the working directory; its absolute path is written as @DIR@ and
// logrus timestamps as @TIME@, so the goldens do not depend on where the checkout lives.
//
// Run: node test/capture/compose.mjs   (the deploy cases need a swarm manager: source the lab env)
// Writes test/golden/compose/config.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/compose/', import.meta.url)).replace(/\/$/, '');
const out = fileURLToPath(new URL('../golden/compose/config.json', import.meta.url));
const docker = process.env.TSW_ORACLE ?? 'docker';
const cases = JSON.parse(readFileSync(`${dir}/cases.json`, 'utf8'));

/** Expands "bad/*" into one case per bad file. */
export function expand(list) {
  const outList = [];
  for (const c of list) {
    if (c.name !== 'bad/*') {
      outList.push(c);
      continue;
    }
    for (const f of readdirSync(`${dir}/bad`).filter((x) => x.endsWith('.yml')).sort()) {
      outList.push({ name: `bad/${f.replace(/\.yml$/, '')}`, args: ['-c', `bad/${f}`] });
    }
  }
  return outList;
}

export function normalize(text) {
  return text.split(dir).join('@DIR@').replace(/time="[^"]*"/g, 'time="@TIME@"');
}

function env(c) {
  const e = { PATH: process.env.PATH, TZ: 'UTC', ...cases.env, ...(c.env ?? {}) };
  if (process.env.DOCKER_HOST) e.DOCKER_HOST = process.env.DOCKER_HOST;
  for (const k of c.unset ?? []) delete e[k];
  return e;
}

function run(argv, c) {
  const input = c.stdin ? readFileSync(`${dir}/${c.stdin}`, 'utf8') : '';
  const r = spawnSync(docker, argv, { cwd: dir, env: env(c), input, encoding: 'utf8' });
  return { stdout: normalize(r.stdout), stderr: normalize(r.stderr), code: r.status ?? -1 };
}

const version = spawnSync(docker, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' }).stdout.trim();
const result = { client: version, config: {}, deploy: {} };
for (const c of expand(cases.config)) {
  result.config[c.name] = run(['stack', 'config', ...c.args], c);
  console.log(`  config ${c.name}: ${result.config[c.name].code}`);
}
if (process.env.DOCKER_HOST) {
  for (const c of cases.deploy) {
    // docker checks --resolve-image after loading the files: an invalid value makes a case whose
    // files load fail before anything is created.
    const r = run(['stack', 'deploy', '--resolve-image', 'tswca-never', ...c.args, 'tswca_never'], c);
    if (r.code === 0) throw new Error(`deploy case ${c.name} succeeded: remove stack tswca_never`);
    if (r.stderr.includes('--resolve-image')) throw new Error(`deploy case ${c.name} loads without error`);
    result.deploy[c.name] = r;
    console.log(`  deploy ${c.name}: ${r.code}`);
  }
}
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
