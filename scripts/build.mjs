// Bundles src/cli.ts into dist/ with esbuild. Command handlers and yaml are loaded with
// import() and land in their own chunks, so start-up reads only what it runs (bin/tsw.js).
//
// Then the start-up snapshot (src/snapshot.ts): the same code as one CommonJS bundle,
// dist/snapshot.cjs, executed once by `node --build-snapshot` into dist/tsw.blob. bin/tsw starts
// node from that blob when dist/tsw.node says it was built by the node on PATH (its path, and
// that binary's modification time copied onto dist/tsw.node); a snapshot only loads in the
// exact node binary that made it. If the snapshot cannot be built, bin/tsw runs the ES
// modules as before.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

/** Go's ANSIC layout, "Mon Jan _2 15:04:05 2006", in UTC. */
function ansic(d) {
  const [day, mon] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  const t = d.toISOString().slice(11, 19);
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${t} ${d.getUTCFullYear()}`;
}

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // not a git checkout (an unpacked tarball): keep 'unknown'
}

const define = { __TSW_COMMIT__: JSON.stringify(commit), __TSW_BUILD_TIME__: JSON.stringify(ansic(new Date())) };
// dockerode's gRPC/protobuf/ssh2 (and docker-modem's helpers) stay stubbed should they be bundled again.
const alias = {
  '@grpc/grpc-js': './scripts/stub.cjs',
  '@grpc/proto-loader': './scripts/stub.cjs',
  protobufjs: './scripts/stub.cjs',
  ssh2: './scripts/stub.cjs',
  'readable-stream': './scripts/stream.cjs',
  debug: './scripts/debug-stub.cjs',
  https: './scripts/lazy-https.cjs',
};

await build({
  define,
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // ssh2's optional native speed-ups: it falls back to pure JS when they are missing.
  external: ['cpu-features', '*.node'],
  alias,
  minify: true,
  // CommonJS dependencies bundled into ESM still reach for require/__dirname.
  banner: {
    js: [
      "import { createRequire as __tswCreateRequire } from 'node:module';",
      "import { fileURLToPath as __tswFileURLToPath } from 'node:url';",
      "import { dirname as __tswDirname } from 'node:path';",
      'const require = __tswCreateRequire(import.meta.url);',
      'const __filename = __tswFileURLToPath(import.meta.url);',
      'const __dirname = __tswDirname(__filename);',
    ].join('\n'),
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// --- the start-up snapshot -------------------------------------------------------------------

/** The node bin/tsw will run: the first executable `node` on PATH, as `command -v node` finds it. */
function nodeOnPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'node');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there: keep looking
    }
  }
  return undefined;
}

async function buildSnapshot() {
  const node = nodeOnPath();
  if (node === undefined) return 'no node on PATH';
  await build({
    define: { ...define, 'import.meta.url': '__tswImportMetaURL' },
    absWorkingDir: root,
    entryPoints: ['src/snapshot.ts'],
    outfile: 'dist/snapshot.cjs',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['cpu-features', '*.node'],
    alias,
    minify: true,
    banner: { js: "const __tswImportMetaURL = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    logLevel: 'error',
  });
  // A snapshot has no dynamic import(): a real import() left in the bundle (a node: built-in
  // imported dynamically) would fail at run time with "A dynamic import callback was not
  // specified". Refuse the build instead.
  const left = /\bimport\((["'][^"']*["'])\)/.exec(readFileSync(join(root, 'dist/snapshot.cjs'), 'utf8'));
  if (left) throw new Error(`dist/snapshot.cjs keeps a dynamic import(${left[1]}): import it statically`);
  // Built without NODE_OPTIONS: bin/tsw uses the snapshot only when NODE_OPTIONS is empty, and
  // node refuses a snapshot made under other V8 flags.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(node, ['--snapshot-blob', 'dist/tsw.blob', '--build-snapshot', 'dist/snapshot.cjs'], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Node warns about built-ins it has not verified in snapshots; tsw loads none while building.
  if (r.status !== 0) return `${node} --build-snapshot failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`;
  // Second line: "bundled" when that node's default CA store is its bundled roots (not OpenSSL's
  // system store); only then may bin/tsw defer NODE_EXTRA_CA_CERTS (src/engine/transport.ts).
  const v = spawnSync(node, ['-p', 'JSON.stringify(process.config.variables)'], { env, encoding: 'utf8' });
  let roots = '';
  try {
    const vars = JSON.parse(v.stdout);
    if (!vars.node_use_openssl_ca && !vars.openssl_use_def_ca_store) roots = 'bundled';
  } catch {
    // unknown: leave NODE_EXTRA_CA_CERTS to node
  }
  writeFileSync(join(root, 'dist/tsw.node'), `${node}\n${roots}\n`);
  // The binary's own modification time on the stamp: bin/tsw compares the two (test -nt/-ot).
  const t = spawnSync('touch', ['-r', realpathSync(node), join(root, 'dist/tsw.node')]);
  if (t.status !== 0) return 'touch -r failed';
  return undefined;
}

let why;
try {
  why = await buildSnapshot();
} catch (err) {
  why = err instanceof Error ? err.message : String(err);
}
if (why !== undefined) {
  for (const f of ['dist/tsw.blob', 'dist/tsw.node']) rmSync(join(root, f), { force: true });
  console.warn(`tsw build: no start-up snapshot (${why}); bin/tsw runs the ES modules instead`);
}
