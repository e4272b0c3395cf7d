// Bundles src/cli.ts into dist/ with esbuild. Command handlers, dockerode and yaml are
// loaded with import() and land in their own chunks, so start-up reads only what it runs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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

await build({
  define: { __TSW_COMMIT__: JSON.stringify(commit), __TSW_BUILD_TIME__: JSON.stringify(ansic(new Date())) },
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
  // dockerode loads gRPC and protobuf for BuildKit sessions only; tsw never builds images.
  // ssh2 is docker-modem's own ssh client: tsw runs the system ssh as docker does.
  // readable-stream is a copy of node:stream.
  alias: {
    '@grpc/grpc-js': './scripts/stub.cjs',
    '@grpc/proto-loader': './scripts/stub.cjs',
    protobufjs: './scripts/stub.cjs',
    ssh2: './scripts/stub.cjs',
    'readable-stream': './scripts/stream.cjs',
    debug: './scripts/debug-stub.cjs',
    https: './scripts/lazy-https.cjs',
  },
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
