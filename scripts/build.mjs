// Bundles src/cli.ts into dist/ with esbuild. Command handlers, dockerode and yaml are
// loaded with import() and land in their own chunks, so start-up reads only what it runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
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
  alias: {
    '@grpc/grpc-js': './scripts/stub.cjs',
    '@grpc/proto-loader': './scripts/stub.cjs',
    protobufjs: './scripts/stub.cjs',
  },
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
