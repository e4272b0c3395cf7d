/**
 * Endpoint resolution (src/engine/endpoint.ts) against docker 28.2.2's rules. Every quoted
 * message below was produced by the real docker 28.2.2 client with the same flags, environment
 * and files (HOME=/tmp/fakehome unless stated).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  contextDirName,
  customHeadersFromEnv,
  goClean,
  loadConfigFile,
  parseHost,
  parseSSHURL,
  resolveConfigDir,
  resolveContextName,
  resolveEndpoint,
  sshCommand,
  type EndpointFlags,
  type EndpointInput,
  type Resolution,
  type ResolvedEndpoint,
} from '../../src/engine/endpoint.ts';
import { EngineInitError, EngineOptionsError } from '../../src/engine/errors.ts';
import { parseAPIVersionEnv } from '../../src/engine/negotiate.ts';

type Files = Record<string, string>;

function enoent(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', syscall: 'open', path });
}

/** An EndpointInput over an in-memory file map. */
function input(opts: { flags?: Partial<EndpointFlags>; env?: Record<string, string>; files?: Files; homedir?: string } = {}): EndpointInput {
  const flags = opts.flags ?? {};
  const files = opts.files ?? {};
  return {
    flags: {
      tls: false,
      tlsverify: false,
      ...flags,
      set: flags.set ?? new Set(Object.keys(flags)),
    },
    env: { HOME: '/home/u', ...opts.env },
    homedir: opts.homedir ?? '/home/u',
    readFile(path: string) {
      const v = files[path];
      if (v === undefined) throw enoent(path);
      return v;
    },
  };
}

function ok(r: Resolution): ResolvedEndpoint {
  if (!r.ok) assert.fail(`expected a resolved endpoint, got: ${r.error.message}`);
  return r.endpoint;
}

function err(r: Resolution): Error {
  if (r.ok) assert.fail(`expected an error, got host ${r.endpoint.host}`);
  return r.error;
}

const metaOf = (name: string, host: string, extra = '') =>
  `{"Name":${JSON.stringify(name)},"Metadata":{},"Endpoints":{"docker":{"Host":${JSON.stringify(host)}${extra}}}}`;
const metaPath = (configDir: string, name: string) =>
  `${configDir}/contexts/meta/${createHash('sha256').update(name).digest('hex')}/meta.json`;

describe('context name precedence (resolveContextName)', () => {
  const env = { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'fromenv' };
  it('--context beats everything', () => {
    assert.equal(resolveContextName({ context: 'flag' }, env, 'current'), 'flag');
  });
  it('-H selects the default context even with DOCKER_CONTEXT and currentContext', () => {
    assert.equal(resolveContextName({ host: ['x'] }, { DOCKER_CONTEXT: 'fromenv' }, 'current'), 'default');
  });
  it('DOCKER_HOST selects the default context over DOCKER_CONTEXT', () => {
    assert.equal(resolveContextName({}, env, 'current'), 'default');
  });
  it('DOCKER_CONTEXT beats currentContext', () => {
    assert.equal(resolveContextName({}, { DOCKER_CONTEXT: 'fromenv' }, 'current'), 'fromenv');
  });
  it('currentContext from config.json is used last', () => {
    assert.equal(resolveContextName({}, {}, 'current'), 'current');
  });
  it('falls back to default; empty values do not count', () => {
    assert.equal(resolveContextName({ context: '' }, { DOCKER_HOST: '', DOCKER_CONTEXT: '' }, ''), 'default');
  });
});

describe('resolveEndpoint: which daemon', () => {
  it('no flags, no env: unix:///var/run/docker.sock', () => {
    const ep = ok(resolveEndpoint(input()));
    assert.equal(ep.contextName, 'default');
    assert.equal(ep.host, 'unix:///var/run/docker.sock');
    assert.deepEqual(ep.address, { kind: 'unix', path: '/var/run/docker.sock' });
    assert.equal(ep.scheme, 'http');
    assert.equal(ep.hostHeader, 'api.moby.localhost');
  });

  it('-H wins over DOCKER_HOST, DOCKER_CONTEXT and currentContext', () => {
    const files = { '/home/u/.docker/config.json': '{"currentContext":"cur"}' };
    const ep = ok(resolveEndpoint(input({ flags: { host: ['tcp://a:1'] }, env: { DOCKER_HOST: 'tcp://b:2', DOCKER_CONTEXT: 'x' }, files })));
    assert.equal(ep.host, 'tcp://a:1');
  });

  it('DOCKER_HOST wins over DOCKER_CONTEXT and currentContext', () => {
    const files = { '/home/u/.docker/config.json': '{"currentContext":"cur"}' };
    const ep = ok(resolveEndpoint(input({ env: { DOCKER_HOST: 'tcp://b:2', DOCKER_CONTEXT: 'x' }, files })));
    assert.equal(ep.contextName, 'default');
    assert.equal(ep.host, 'tcp://b:2');
    assert.deepEqual(ep.address, { kind: 'tcp', hostname: 'b', port: 2, basePath: '' });
  });

  it('--context default still reads DOCKER_HOST (docker: "Cannot connect … tcp://127.0.0.1:7")', () => {
    const ep = ok(resolveEndpoint(input({ flags: { context: 'default' }, env: { DOCKER_HOST: 'tcp://127.0.0.1:7' } })));
    assert.equal(ep.host, 'tcp://127.0.0.1:7');
  });

  it('-H "" means the default socket', () => {
    assert.equal(ok(resolveEndpoint(input({ flags: { host: [''] } }))).host, 'unix:///var/run/docker.sock');
  });

  it('--host with --context is refused before anything else', () => {
    const e = err(resolveEndpoint(input({ flags: { host: ['tcp://a:1'], context: 'foo' } })));
    assert.ok(e instanceof EngineOptionsError);
    assert.equal(e.message, 'conflicting options: cannot specify both --host and --context');
  });

  it('more than one -H', () => {
    const e = err(resolveEndpoint(input({ flags: { host: ['tcp://127.0.0.1:1', 'tcp://127.0.0.1:2'] } })));
    assert.ok(e instanceof EngineInitError);
    assert.equal(e.message, 'Failed to initialize: unable to resolve docker endpoint: Specify only one -H');
  });

  it('an invalid host is reported on first use', () => {
    const e = err(resolveEndpoint(input({ env: { DOCKER_HOST: 'http://foo' } })));
    assert.equal(e.message, 'Failed to initialize: unable to resolve docker endpoint: invalid bind address format: http://foo');
    const e2 = err(resolveEndpoint(input({ flags: { host: ['tcp://foo:bar'] } })));
    assert.equal(e2.message, 'Failed to initialize: unable to resolve docker endpoint: parse "tcp://foo:bar": invalid port ":bar" after host');
  });

  it('a socket path longer than sockaddr_un allows', () => {
    const long = `/tmp/${'x'.repeat(120)}.sock`;
    const e = err(resolveEndpoint(input({ flags: { host: [`unix://${long}`] } })));
    assert.equal(e.message, `Failed to initialize: unix socket path "${long}" is too long`);
  });
});

describe('host strings (opts.ParseHost)', () => {
  const table: Array<[string, string]> = [
    ['', 'unix:///var/run/docker.sock'],
    ['   ', 'unix:///var/run/docker.sock'],
    ['unix://', 'unix:///var/run/docker.sock'],
    ['unix:///tmp/d.sock', 'unix:///tmp/d.sock'],
    ['tcp://h', 'tcp://h:2375'],
    ['tcp://h:1234', 'tcp://h:1234'],
    ['h:1234', 'tcp://h:1234'],
    ['foo', 'tcp://foo:2375'],
    ['tcp://', 'tcp://localhost:2375'],
    [':5', 'tcp://localhost:5'],
    ['tcp://[::1]:', 'tcp://[::1]:2375'],
    ['tcp://[::1]:99', 'tcp://[::1]:99'],
    ['tcp://h:1/base/path', 'tcp://h:1/base/path'],
    ['  tcp://127.0.0.1:1  ', 'tcp://127.0.0.1:1'],
    ['ssh://me@host:22/x.sock', 'ssh://me@host:22/x.sock'],
    ['fd://3', 'fd://3'],
    ['npipe://', 'npipe:////./pipe/docker_engine'],
  ];
  for (const [inp, want] of table) {
    it(`${JSON.stringify(inp)} → ${want}`, () => assert.equal(parseHost(false, inp), want));
  }
  it('TLS without a host defaults to tcp://localhost:2376, but tcp://h still gets 2375', () => {
    assert.equal(parseHost(true, ''), 'tcp://localhost:2376');
    assert.equal(parseHost(true, 'tcp://h'), 'tcp://h:2375');
  });
  const errors: Array<[string, string]> = [
    ['http://foo', 'invalid bind address format: http://foo'],
    ['tcp://foo:bar', 'parse "tcp://foo:bar": invalid port ":bar" after host'],
    ['unix://a://b', 'invalid proto, expected unix: a://b'],
    ['tcp://a://b', 'invalid proto, expected tcp: a://b'],
    ['tcp://h o:1', 'parse "tcp://h o:1": invalid character " " in host name'],
  ];
  for (const [inp, want] of errors) {
    it(`${JSON.stringify(inp)} fails: ${want}`, () => assert.throws(() => parseHost(false, inp), { message: want }));
  }
});

describe('config directory and config.json', () => {
  it('--config > DOCKER_CONFIG > $HOME/.docker, cleaned like filepath.Clean', () => {
    assert.equal(resolveConfigDir(input({ flags: { config: './rel/' }, env: { DOCKER_CONFIG: '/e' } })), 'rel');
    assert.equal(resolveConfigDir(input({ env: { DOCKER_CONFIG: '/e/x/../y/' } })), '/e/y');
    assert.equal(resolveConfigDir(input()), '/home/u/.docker');
    assert.equal(resolveConfigDir(input({ env: { HOME: '' }, homedir: '/from/passwd' })), '/from/passwd/.docker');
    assert.equal(resolveConfigDir(input({ flags: { config: '' }, env: { DOCKER_CONFIG: '/e' } })), '/e');
  });

  it('goClean', () => {
    assert.equal(goClean(''), '.');
    assert.equal(goClean('a//b/./c/..'), 'a/b');
    assert.equal(goClean('/../x'), '/x');
    assert.equal(goClean('../../a/'), '../../a');
  });

  it('currentContext selects a stored context (unknown ones fail on first use)', () => {
    const files = { '/home/u/.docker/config.json': '{"currentContext":"ghost"}' };
    const e = err(resolveEndpoint(input({ files })));
    assert.equal(
      e.message,
      `Failed to initialize: unable to resolve docker endpoint: context "ghost": context not found: open ${metaPath('/home/u/.docker', 'ghost')}: no such file or directory`,
    );
  });

  it('a broken config.json gives docker\'s warning and is ignored', () => {
    const read = (text: string) => loadConfigFile('/c', (p) => (p === '/c/config.json' ? text : (() => { throw enoent(p); })()));
    assert.equal(read('{bad').warning, "WARNING: Error parsing config file (/c/config.json): invalid character 'b' looking for beginning of object key string");
    assert.equal(read('{"currentContext":5}').warning, 'WARNING: Error parsing config file (/c/config.json): json: cannot unmarshal number into Go struct field ConfigFile.currentContext of type string');
    assert.equal(read('["x"]').warning, 'WARNING: Error parsing config file (/c/config.json): json: cannot unmarshal array into Go value of type configfile.ConfigFile');
    assert.equal(read('').warning, undefined);
    assert.equal(read('{"currentContext":"lower"} trailing').currentContext, 'lower');
    assert.deepEqual(read('{"HttpHeaders":{"x-a":"1"},"CURRENTCONTEXT":"c"}'), { path: '/c/config.json', currentContext: 'c', httpHeaders: { 'x-a': '1' } });
  });
});

describe('TLS options (default context)', () => {
  const certs = {
    '/home/u/.docker/ca.pem': 'CA',
    '/home/u/.docker/cert.pem': 'CERT',
    '/home/u/.docker/key.pem': 'KEY',
  };

  it('--tlsverify with no ca.pem fails like docker', () => {
    const e = err(resolveEndpoint(input({ flags: { tlsverify: true } })));
    assert.equal(e.message, 'Failed to initialize: unable to resolve docker endpoint: open /home/u/.docker/ca.pem: no such file or directory');
  });

  it('the cert path ignores --config but follows DOCKER_CONFIG and DOCKER_CERT_PATH', () => {
    const e1 = err(resolveEndpoint(input({ flags: { tlsverify: true, config: '/cfgx' } })));
    assert.match(e1.message, /open \/home\/u\/\.docker\/ca\.pem: no such file/);
    const e2 = err(resolveEndpoint(input({ flags: { tlsverify: true }, env: { DOCKER_CONFIG: '/cfgy' } })));
    assert.match(e2.message, /open \/cfgy\/ca\.pem: no such file/);
    const e3 = err(resolveEndpoint(input({ flags: { tlsverify: true }, env: { DOCKER_CERT_PATH: '/certp', DOCKER_CONFIG: '/cfgy' } })));
    assert.match(e3.message, /open \/certp\/ca\.pem: no such file/);
  });

  it('TLS with no host means tcp://localhost:2376 over https', () => {
    const r = resolveEndpoint(input({ flags: { tlsverify: true }, files: { '/home/u/.docker/ca.pem': 'CA' } }));
    // The CA is not a certificate, so client options fail exactly like docker's:
    assert.equal(err(r).message, 'Failed to initialize: failed to retrieve context tls info: ca.pem seems invalid');
  });

  it('DOCKER_TLS_VERIFY / DOCKER_TLS: any non-empty value turns TLS on; --tls alone skips verification', () => {
    const host = { host: ['tcp://h:1'] };
    const skip = (flags: Partial<EndpointFlags>, env: Record<string, string> = {}) => {
      const ep = ok(resolveEndpoint(input({ flags: { ...host, ...flags, tlscacert: '' }, env })));
      return ep.tls?.skipVerify;
    };
    assert.equal(skip({ tls: true }), true);
    assert.equal(skip({}, { DOCKER_TLS: 'false' }), true); // "false" is non-empty
    assert.equal(ok(resolveEndpoint(input({ flags: { ...host } , env: { DOCKER_TLS_VERIFY: '' } }))).scheme, 'http');
    // --tlsverify=false given explicitly still turns TLS on, without verification.
    assert.equal(skip({ tlsverify: false, set: new Set(['tlsverify', 'host', 'tlscacert']) }), true);
    // --tls=false given explicitly beats DOCKER_TLS.
    const off = ok(resolveEndpoint(input({ flags: { ...host, tls: false, set: new Set(['tls', 'host']) }, env: { DOCKER_TLS: '1' } })));
    assert.equal(off.scheme, 'http');
  });

  it('default cert/key are dropped silently when missing; given ones must exist', () => {
    const r = resolveEndpoint(input({ flags: { host: ['tcp://h:1'], tls: true, tlscacert: '' } }));
    const ep = ok(r);
    assert.equal(ep.scheme, 'https');
    assert.deepEqual(ep.tls, { skipVerify: true });
    const e = err(resolveEndpoint(input({ flags: { host: ['tcp://h:1'], tls: true, tlscacert: '', tlscert: '/nope/cert.pem' } })));
    assert.equal(e.message, 'Failed to initialize: unable to resolve docker endpoint: open /nope/cert.pem: no such file or directory');
  });

  it('quotes around --tlscacert are stripped (opts.QuotedString)', () => {
    const e = err(resolveEndpoint(input({ flags: { host: ['tcp://h:1'], tlsverify: true, tlscacert: '"/q/ca.pem"' } })));
    assert.match(e.message, /open \/q\/ca\.pem: /);
  });

  it('unix hosts never use TLS', () => {
    const ep = ok(resolveEndpoint(input({ flags: { host: ['unix:///x.sock'], tlsverify: true }, files: certs })));
    assert.equal(ep.scheme, 'http');
    assert.equal(ep.tls, undefined);
  });
});

describe('stored contexts (a real context store in a temp dir)', () => {
  let dir: string;
  const write = (name: string, json: string) => {
    const d = join(dir, 'contexts', 'meta', contextDirName(name));
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'meta.json'), json);
  };
  const fsInput = (flags: Partial<EndpointFlags>, env: Record<string, string> = {}): EndpointInput => ({
    flags: { tls: false, tlsverify: false, ...flags, set: new Set(Object.keys(flags)) },
    env: { DOCKER_CONFIG: dir, ...env },
    homedir: '/nonexistent',
    readFile: (p) => readFileSync(p),
    readDir: (p) => readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() })),
  });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsw-ctx-'));
    write('prod', metaOf('prod', 'ssh://me@prod.example:2222'));
    write('lower', '{"name":"lower","metadata":{},"endpoints":{"docker":{"host":"tcp://127.0.0.1:3","skipTLSVerify":true}}}');
    write('noep', '{"Name":"noep","Metadata":{},"Endpoints":{"kubernetes":{}}}');
    write('nullep', '{"Name":"nullep","Endpoints":{"docker":null}}');
    write('bad', '{"Name":');
    write('badhost', '{"Name":"x","Endpoints":{"docker":{"Host":5}}}');
    write('emptyhost', '{"Name":"x","Endpoints":{"docker":{"Host":""}}}');
    write('tcpnoport', metaOf('tcpnoport', 'tcp://127.0.0.1'));
    write('noscheme', metaOf('noscheme', '127.0.0.1:6'));
    write('arr', '[1]');
    write('tlsctx', metaOf('tlsctx', 'tcp://10.0.0.1:2376'));
    const tlsDir = join(dir, 'contexts', 'tls', contextDirName('tlsctx'), 'docker');
    mkdirSync(tlsDir, { recursive: true });
    writeFileSync(join(tlsDir, 'unknown.txt'), 'ignored');
    write('emptytls', metaOf('emptytls', 'tcp://10.0.0.2:2376'));
    mkdirSync(join(dir, 'contexts', 'tls', contextDirName('emptytls'), 'docker'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the store directory is the sha256 of the name', () => {
    assert.equal(contextDirName('nope'), 'ca3704aa0b06f5954c79ee837faa152d84d6b2d42838f0637a15eda8337dbdce');
  });

  it('reads Host from meta.json and resolves ssh', () => {
    const ep = ok(resolveEndpoint(fsInput({ context: 'prod' })));
    assert.equal(ep.contextName, 'prod');
    assert.equal(ep.endpointHost, 'ssh://me@prod.example:2222');
    assert.equal(ep.host, 'http://docker.example.com');
    assert.equal(ep.address.kind, 'ssh');
  });

  it('matches keys case-insensitively (older lower-case files)', () => {
    const ep = ok(resolveEndpoint(fsInput({ context: 'lower' })));
    assert.equal(ep.host, 'tcp://127.0.0.1:3');
    assert.equal(ep.scheme, 'https');
    assert.deepEqual(ep.tls, { skipVerify: true });
  });

  it('DOCKER_CONTEXT and currentContext pick stored contexts; TLS flags/env are ignored for them', () => {
    assert.equal(ok(resolveEndpoint(fsInput({}, { DOCKER_CONTEXT: 'tcpnoport', DOCKER_TLS_VERIFY: '1' }))).scheme, 'http');
    writeFileSync(join(dir, 'config.json'), '{"currentContext":"tcpnoport"}');
    try {
      const ep = ok(resolveEndpoint(fsInput({})));
      assert.equal(ep.contextName, 'tcpnoport');
      // No port in a context host: Go's transport dials the scheme's port.
      assert.deepEqual(ep.address, { kind: 'tcp', hostname: '127.0.0.1', port: 80, basePath: '' });
      assert.equal(ep.host, 'tcp://127.0.0.1');
    } finally {
      rmSync(join(dir, 'config.json'));
    }
  });

  it('an empty Host means the default socket', () => {
    assert.equal(ok(resolveEndpoint(fsInput({ context: 'emptyhost' }))).host, 'unix:///var/run/docker.sock');
  });

  it('a TLS directory for the docker endpoint (even without known files) turns on https', () => {
    const ep = ok(resolveEndpoint(fsInput({ context: 'emptytls' })));
    assert.equal(ep.scheme, 'https');
    assert.deepEqual(ep.tls, { skipVerify: false });
    assert.equal(ok(resolveEndpoint(fsInput({ context: 'tlsctx' }))).scheme, 'https');
  });

  const failures: Array<[string, (d: string) => string]> = [
    [
      'nope',
      (d) =>
        `Failed to initialize: unable to resolve docker endpoint: context "nope": context not found: open ${d}/contexts/meta/ca3704aa0b06f5954c79ee837faa152d84d6b2d42838f0637a15eda8337dbdce/meta.json: no such file or directory`,
    ],
    ['noep', () => 'Failed to initialize: unable to resolve docker endpoint: cannot find docker endpoint in context'],
    ['nullep', () => 'Failed to initialize: unable to resolve docker endpoint: endpoint "docker" is not of type EndpointMeta'],
    [
      'bad',
      (d) =>
        `Failed to initialize: unable to resolve docker endpoint: context "bad": parsing ${d}/contexts/meta/2f05d4b689d270cafb02285f35f44866f7dc8a2d368a3f9d1124373eeab31fb1/meta.json: unexpected end of JSON input`,
    ],
    [
      'badhost',
      (d) =>
        `Failed to initialize: unable to resolve docker endpoint: context "badhost": parsing ${d}/contexts/meta/5d2798c1314240fd5d4e3b8f1256869c5f934466578cbffcea023eaa62067e49/meta.json: json: cannot unmarshal number into Go struct field EndpointMetaBase.Host of type string`,
    ],
    [
      'arr',
      (d) =>
        `Failed to initialize: unable to resolve docker endpoint: context "arr": parsing ${d}/contexts/meta/2e6839f29b1ea4ae7bedab9223832ba40e51fd637755656065729aca231e2c86/meta.json: json: cannot unmarshal array into Go value of type store.untypedContextMetadata`,
    ],
    ['noscheme', () => 'Failed to initialize: parse "127.0.0.1:6": first path segment in URL cannot contain colon'],
  ];
  for (const [name, want] of failures) {
    it(`context ${name}: ${want('<dir>')}`, () => {
      assert.equal(err(resolveEndpoint(fsInput({ context: name }))).message, want(dir));
    });
  }

  it('a relative --config shows up cleaned in the message', () => {
    const r = resolveEndpoint({ ...fsInput({ context: 'foo', config: './rel/' }), readFile: (p) => { throw enoent(p); } });
    assert.equal(
      err(r).message,
      'Failed to initialize: unable to resolve docker endpoint: context "foo": context not found: open rel/contexts/meta/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae/meta.json: no such file or directory',
    );
  });
});

describe('ssh:// hosts (cli/connhelper)', () => {
  it('argv as docker 28.2.2: -o ConnectTimeout=30 as one word, -T, user, port, --, host, the remote command word by word', () => {
    assert.deepEqual(sshCommand(parseSSHURL('ssh://me@myhost:2222/var/run/x.sock')).argv, [
      '-o ConnectTimeout=30', '-T', '-l', 'me', '-p', '2222', '--', 'myhost', 'docker', '--host', 'unix:///var/run/x.sock', 'system', 'dial-stdio',
    ]);
    assert.deepEqual(sshCommand(parseSSHURL('ssh://myhost')).argv, ['-o ConnectTimeout=30', '-T', '--', 'myhost', 'docker', 'system', 'dial-stdio']);
    // docker passes a bare "/" path through: `--host unix:///`.
    assert.deepEqual(sshCommand(parseSSHURL('ssh://myhost/')).argv.slice(-5), ['docker', '--host', 'unix:///', 'system', 'dial-stdio']);
    assert.deepEqual(sshCommand(parseSSHURL('ssh://[::1]:22')).argv.slice(2, 4), ['-p', '22']);
    assert.equal(sshCommand(parseSSHURL('ssh://[::1]:22')).argv.at(-4), '::1');
  });

  it('invalid URLs', () => {
    const bad: Array<[string, string]> = [
      ['ssh://user:pw@host', 'ssh host connection is not valid: invalid SSH URL: plain-text password is not supported'],
      ['ssh://', 'ssh host connection is not valid: invalid SSH URL: hostname is empty'],
      ['ssh://host?x=1', 'ssh host connection is not valid: invalid SSH URL: query parameters are not allowed: "x=1"'],
      ['ssh://host#frag', 'ssh host connection is not valid: invalid SSH URL: fragments are not allowed: "frag"'],
    ];
    for (const [url, want] of bad) {
      const e = err(resolveEndpoint(input({ flags: { host: [url] } })));
      assert.equal(e.message, `Failed to initialize: ${want}`, url);
    }
  });

});

describe('client options from the environment', () => {
  it('DOCKER_CUSTOM_HEADERS: CSV key=value, keys trimmed and canonicalised, values kept', () => {
    assert.deepEqual(customHeadersFromEnv('x-env=e1, y-two = v2 '), { 'X-Env': 'e1', 'Y-Two': ' v2 ' });
    assert.deepEqual(customHeadersFromEnv('"a=b,c",d=e'), { A: 'b,c', D: 'e' });
    assert.equal(customHeadersFromEnv(''), undefined);
    assert.throws(() => customHeadersFromEnv('=x'), {
      message: "failed to set custom headers from DOCKER_CUSTOM_HEADERS environment variable: value contains a key=value pair with an empty key: '=x'",
    });
    assert.throws(() => customHeadersFromEnv('abc'), {
      message: `failed to set custom headers from DOCKER_CUSTOM_HEADERS environment variable: missing "=" in key=value pair: 'abc'`,
    });
    assert.throws(() => customHeadersFromEnv('a"b=c'), {
      message: 'failed to parse custom headers from DOCKER_CUSTOM_HEADERS environment variable: value must be formatted as comma-separated key=value pairs',
    });
  });

  it('DOCKER_CUSTOM_HEADERS replaces config.json HttpHeaders', () => {
    const files = { '/home/u/.docker/config.json': '{"HttpHeaders":{"x-from-config":"c1"}}' };
    assert.deepEqual(ok(resolveEndpoint(input({ files }))).headers, { 'x-from-config': 'c1' });
    assert.deepEqual(ok(resolveEndpoint(input({ files, env: { DOCKER_CUSTOM_HEADERS: 'x-env=e1' } }))).headers, { 'X-Env': 'e1' });
    const e = err(resolveEndpoint(input({ env: { DOCKER_CUSTOM_HEADERS: 'abc' } })));
    assert.ok(e.message.startsWith('Failed to initialize: failed to set custom headers from DOCKER_CUSTOM_HEADERS'));
  });

  it('DOCKER_API_VERSION: with or without v, normalised; invalid values fail', () => {
    assert.equal(parseAPIVersionEnv('v1.44'), '1.44');
    assert.equal(parseAPIVersionEnv(' 1.041 '), '1.41');
    assert.equal(parseAPIVersionEnv(''), undefined);
    assert.equal(parseAPIVersionEnv('v'), undefined);
    assert.throws(() => parseAPIVersionEnv('abc'), { message: 'invalid API version (abc): must be formatted <major>.<minor>' });
    assert.throws(() => parseAPIVersionEnv('1.4x'), { message: 'invalid API version (1.4x): invalid minor version: must be formatted <major>.<minor>' });
    assert.throws(() => parseAPIVersionEnv('x.1'), { message: 'invalid API version (x.1): invalid major version: must be formatted <major>.<minor>' });
    assert.throws(() => parseAPIVersionEnv('vv1.2'), { message: 'invalid API version (vv1.2): must be formatted <major>.<minor>' });
    const e = err(resolveEndpoint(input({ env: { DOCKER_API_VERSION: 'abc' } })));
    assert.equal(e.message, 'Failed to initialize: invalid API version (abc): must be formatted <major>.<minor>');
    assert.equal(ok(resolveEndpoint(input({ env: { DOCKER_API_VERSION: 'v1.44' } }))).apiVersion, '1.44');
  });
});
