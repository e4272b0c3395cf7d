/**
 * config.json variants for `--with-registry-auth` (what X-Registry-Auth docker sends), and a
 * fake credential helper. test/capture/registry-auth.mjs records docker's header for each into
 * test/golden/registry-auth.json; test/unit/service-registry-auth.test.ts compares tsw's.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REG = '192.168.250.1:5000';
const b64 = (s: string) => Buffer.from(s).toString('base64');

export interface AuthCase {
  readonly config?: Record<string, unknown>;
  readonly image: string;
}

export const authCases: Readonly<Record<string, AuthCase>> = {
  'no-config': { image: `${REG}/busybox:latest` },
  'auths-auth': { config: { auths: { [REG]: { auth: b64('user:pa:ss') } } }, image: `${REG}/busybox:latest` },
  'auths-fields-email': { config: { auths: { [REG]: { username: 'u', password: 'p', email: 'e@example.com' } } }, image: `${REG}/busybox` },
  'auths-legacy-url-key': { config: { auths: { [`https://${REG}/v1/`]: { auth: b64('legacy:pw') } } }, image: `${REG}/busybox:1` },
  'auths-identity-token': { config: { auths: { [REG]: { auth: b64('user:pass'), identitytoken: 'tok-123' } } }, image: `${REG}/busybox:latest` },
  'auths-other-registry': { config: { auths: { 'other.example.com': { auth: b64('x:y') } } }, image: `${REG}/busybox:latest` },
  'docker-hub': { config: { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:secret') } } }, image: 'busybox' },
  'creds-store': { config: { credsStore: 'tswtest' }, image: `${REG}/busybox:latest` },
  'cred-helper-token': { config: { credHelpers: { [REG]: 'tswtoken' }, credsStore: 'tswnone' }, image: `${REG}/busybox:latest` },
  'cred-helper-other-host': { config: { credHelpers: { 'other.example.com': 'tswtoken' }, credsStore: 'tswtest' }, image: `${REG}/busybox:latest` },
  'creds-store-missing-helper': { config: { credsStore: 'tswabsent' }, image: `${REG}/busybox:latest` },
  'creds-store-failing-helper': { config: { credsStore: 'tswfail' }, image: `${REG}/busybox:latest` },
  'bad-image-reference': { config: {}, image: `${REG}/BusyBox:latest` },
  'creds-store-not-found': { config: { credsStore: 'tswnone', auths: { [REG]: { email: 'kept@example.com', auth: b64('a:b') } } }, image: `${REG}/busybox:latest` },
};

/**
 * Writes three credential helpers into dir (put it on PATH): docker-credential-tswtest answers
 * user "helper-user", docker-credential-tswtoken an identity token (user "<token>"),
 * docker-credential-tswnone has nothing.
 */
export function writeHelpers(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const test = join(dir, 'docker-credential-tswtest');
  writeFileSync(
    test,
    '#!/bin/sh\nread server\nif [ "$1" != get ]; then exit 1; fi\n' +
      'printf \'{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\\n\' "$server"\n',
  );
  chmodSync(test, 0o755);
  const token = join(dir, 'docker-credential-tswtoken');
  writeFileSync(token, '#!/bin/sh\nread server\nprintf \'{"ServerURL":"%s","Username":"<token>","Secret":"id-token-1"}\\n\' "$server"\n');
  chmodSync(token, 0o755);
  const fail = join(dir, 'docker-credential-tswfail');
  writeFileSync(fail, '#!/bin/sh\necho "the keychain is locked"\nexit 3\n');
  chmodSync(fail, 0o755);
  const none = join(dir, 'docker-credential-tswnone');
  writeFileSync(none, '#!/bin/sh\necho "credentials not found in native keychain"\nexit 1\n');
  chmodSync(none, 0o755);
}

/** Writes a case's config.json into dir (nothing for no-config). */
export function writeConfig(dir: string, c: AuthCase): void {
  mkdirSync(dir, { recursive: true });
  if (c.config) writeFileSync(join(dir, 'config.json'), JSON.stringify(c.config));
}
