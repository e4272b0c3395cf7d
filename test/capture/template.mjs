#!/usr/bin/env node
// Captures what docker 28's Go text/template, fmt, encoding/json and tabwriter print for a
// matrix of --format / -f templates, together with the data they ran on, in one run, so the
// unit test test/unit/template-golden.test.ts needs no engine and no docker.
//
// Oracles:
//  - `docker context ls --format X` and `docker context inspect -f X` need no daemon: the rows
//    are contexts in a private DOCKER_CONFIG this script creates (names, descriptions and a
//    hand-written meta.json with map[string]interface{} data), so they are deterministic.
//  - `docker node ls --format X` / `docker node inspect -f X` run against the lab when
//    /tmp/tsw-lab.env exists (source it first, or the script sources DOCKER_HOST itself).
//
// Run: node test/capture/template.mjs   (writes test/golden/template/**)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const goldenDir = fileURLToPath(new URL('../golden/template/', import.meta.url));
const casesDir = `${goldenDir}cases/`;
const docker = process.env.TSW_ORACLE ?? 'docker';
// A fixed path: context inspect prints storage paths under it.
const captureRoot = '/tmp/tsw-template-capture';

function labHost() {
  if (process.env.DOCKER_HOST) return process.env.DOCKER_HOST;
  if (!existsSync('/tmp/tsw-lab.env')) return undefined;
  const m = /DOCKER_HOST=(\S+)/.exec(readFileSync('/tmp/tsw-lab.env', 'utf8'));
  return m?.[1];
}

function run(args, env) {
  const r = spawnSync(docker, args, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

function must(args, env) {
  const r = run(args, env);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

// `docker version` prints the client part even when no daemon answers.
const clientVersion = run(['version', '--format', '{{.Client.Version}} {{.Client.GoVersion}}'], {}).stdout.trim();
if (!/^28\./.test(clientVersion)) throw new Error(`oracle is not docker 28: ${clientVersion}`);

// --- context configurations ------------------------------------------------------------------

const configs = {
  /** Only the implicit "default" context: one row, for expression cases. */
  single: { contexts: [] },
  /** Several contexts, some with HTML characters and East-Asian wide text. */
  multi: {
    contexts: [
      { name: 'alpha', description: 'first <one> & "quoted"', host: 'tcp://10.0.0.1:2375' },
      { name: 'beta2', description: '', host: 'tcp://10.0.0.2:2376' },
      { name: 'beta10', description: '日本語のコンテキスト', host: 'ssh://user@host' },
      {
        name: 'maps',
        meta: {
          Name: 'maps',
          Metadata: {
            Description: 'crafted',
            Zeta: 'z',
            Alpha: [1, 'x', null, true],
            Num: 2,
            Float: 1.5,
            Null: null,
            Obj: { b: 1, a: '<&>' },
          },
          Endpoints: {
            docker: { Host: 'tcp://1.2.3.4:2375', SkipTLSVerify: true },
            extra: { b: 2, a: [1, 'x', null, true], n: null, f: 1.5, big: 1e21, s: '<&>', nested: { k: 'v' }, neg: -0.5, tiny: 1e-7 },
          },
        },
      },
    ],
  },
  /** Descriptions that stress the tabwriter: tabs, emoji, combining marks, fullwidth text. */
  exotic: {
    contexts: [
      { name: 'e1', description: 'tab\there', host: 'tcp://e1:1' },
      { name: 'e2', description: 'emoji 😀 wide', host: 'tcp://e2:2' },
      { name: 'e3', description: 'cafe\u0301 combining', host: 'tcp://e3:3' },
      { name: 'e4', description: 'ＦＵＬＬ width', host: 'tcp://e4:4' },
      { name: 'e5', description: 'x', host: 'tcp://e5-a-much-longer-endpoint-name:5' },
    ],
  },
};

function setupConfig(name, def) {
  const dir = `${captureRoot}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { DOCKER_CONFIG: dir };
  for (const c of def.contexts) {
    if (c.meta) {
      const hash = createHash('sha256').update(c.name).digest('hex');
      mkdirSync(`${dir}/contexts/meta/${hash}`, { recursive: true });
      writeFileSync(`${dir}/contexts/meta/${hash}/meta.json`, JSON.stringify(c.meta));
    } else {
      must(['context', 'create', c.name, '--description', c.description, '--docker', `host=${c.host}`], env);
    }
  }
  const rows = must(['context', 'ls', '--format', '{{json .}}'], env)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
  const names = def.contexts.map((c) => c.name);
  const inspect = names.length > 0 ? JSON.parse(must(['context', 'inspect', ...names], env)) : [];
  writeFileSync(`${goldenDir}fixture-contexts-${name}.json`, `${JSON.stringify({ client: clientVersion, rows, inspect }, null, 2)}\n`);
  return env;
}

// --- cases -----------------------------------------------------------------------------------

/** [name, format] run as `docker context ls --format format` on the single-context config. */
const lsSingle = [
  ['text-only', 'plain text'],
  ['field', '{{.Name}}'],
  ['fields-all', '{{.Name}}|{{.Description}}|{{.DockerEndpoint}}|{{.Current}}|{{.Error}}'],
  ['dot-error-method', '[{{.}}]'],
  ['literals', '{{"s"}}|{{`raw`}}|{{1}}|{{-1}}|{{+1}}|{{1.5}}|{{1.0}}|{{1e3}}|{{0x1F}}|{{0o17}}|{{017}}|{{0b101}}|{{\'a\'}}|{{true}}|{{false}}|{{1_000}}'],
  ['floats', '{{1e21}}|{{1e20}}|{{0.000001}}|{{0.0000001}}|{{123456789.0}}|{{100000.0}}|{{1000000.0}}|{{-0.0}}|{{0.1}}|{{2.5e-5}}|{{1e6}}|{{999999.0}}'],
  ['printf-T', '{{printf "%T %T %T %T %T %T %T %T %T" 1 1.5 1e3 0x10 "s" true \'a\' -0x1e 1i}}'],
  ['hex-e-quirk', '{{-0x1e}} {{0x1e}} {{printf "%v" -0x1e}}'],
  ['complex', '{{1i}} {{1+2i}} {{printf "%.1f" 1+2i}}'],
  ['nil-command', '{{nil}}'],
  ['string-escapes', '{{"a\\x41\\u00e9\\"q\\\\"}}'],
  ['string-literal-tab-replaced', '{{"a\\tb"}}'],
  ['string-literal-newline-replaced', '{{"a\\nb"}}'],
  ['raw-string-multiline', '{{`a\\nb`}}'],
  ['comment', 'a{{/* comment */}}b'],
  ['comment-only', '{{/* only */}}'],
  ['trim-markers', 'a {{- "x" -}} b {{- /* c */ -}} c'],
  ['trim-newlines', 'a \\n\\n {{- .Name -}} \\n\\n b'],
  ['trim-not-number', '{{-3}}|{{ -3 }}|{{3 -}} x'],
  ['var-declare', '{{$x := .Name}}{{$x}}'],
  ['var-assign', '{{$x := 1}}{{$x = 2}}{{$x}}'],
  ['var-scope-if', '{{$x := "outer"}}{{if true}}{{$x := "inner"}}{{$x}}{{end}} {{$x}}'],
  ['var-assign-in-if', '{{$x := "outer"}}{{if true}}{{$x = "inner"}}{{end}}{{$x}}'],
  ['dollar', '{{$.Name}}|{{$}}'],
  ['var-undefined', '{{$nope}}'],
  ['var-assign-undefined', '{{$nope = 1}}'],
  ['var-field', '{{$x := .}}{{$x.Name}}'],
  ['var-field-missing', '{{$x := .}}{{$x.Foo}}'],
  ['if-else', '{{if .Current}}yes{{else}}no{{end}}'],
  ['if-else-if', '{{if eq .Name "x"}}x{{else if eq .Name "default"}}d{{else}}other{{end}}'],
  ['with', '{{with .Name}}<{{.}}>{{end}}'],
  ['with-else', '{{with .Error}}err={{.}}{{else}}noerr{{end}}'],
  ['else-with', '{{with .Error}}a{{else with .Name}}b={{.}}{{end}}'],
  ['with-var', '{{with $x := .Name}}{{$x}}{{.}}{{end}}'],
  ['range-split', '{{range $i, $e := split .DockerEndpoint "/"}}[{{$i}}:{{$e}}]{{end}}'],
  ['range-one-var', '{{range $e := split "a,b" ","}}{{$e}}{{end}}'],
  ['range-dot', '{{range split "a,b" ","}}{{.}}{{$.Name}}{{end}}'],
  ['range-else', '{{range slice (split "a" ",") 1}}x{{else}}empty{{end}}'],
  ['range-int', '{{range 3}}{{.}}{{end}}|{{range $i := 4}}{{$i}}{{end}}|{{range 0}}x{{else}}zero{{end}}|{{range -2}}x{{else}}neg{{end}}'],
  ['range-int-two-vars', '{{range $i, $v := 3}}{{end}}'],
  ['range-string', '{{range .Name}}{{end}}'],
  ['range-bool', '{{range true}}{{end}}'],
  ['range-break', '{{range $i, $e := split "a,b,c,d" ","}}{{if eq $i 2}}{{break}}{{end}}{{$e}}{{end}}'],
  ['range-continue', '{{range $i, $e := split "a,b,c,d" ","}}{{if eq $i 2}}{{continue}}{{end}}{{$e}}{{end}}'],
  ['break-outside', '{{break}}'],
  ['continue-outside', '{{if true}}{{continue}}{{end}}'],
  ['range-assign', '{{$i := 0}}{{$e := ""}}{{range $i, $e = split "a,b" ","}}{{end}}{{$i}}{{$e}}'],
  ['range-nested', '{{range $i, $a := split "x,y" ","}}{{range $j, $b := split "1,2" ","}}{{$i}}{{$a}}{{$j}}{{$b}} {{end}}{{end}}'],
  ['range-var-after', '{{range $e := split "a" ","}}{{end}}{{$e}}'],
  ['range-too-many-decl', '{{range $a, $b, $c := .}}{{end}}'],
  ['range-only-vars', '{{range $a, 1}}{{end}}'],
  ['decl-too-many', '{{$a, $b := 1}}'],
  ['define-template', '{{define "T"}}[{{.}}]{{end}}{{template "T" .Name}}'],
  ['template-no-pipe', '{{define "T"}}[{{.}}]{{end}}{{template "T"}}'],
  ['template-undefined', '{{template "nope"}}'],
  ['block', '{{block "B" .Name}}({{.}}){{end}}|{{template "B" "again"}}'],
  ['define-redefine', '{{define "T"}}a{{end}}{{define "T"}}b{{end}}'],
  ['define-empty-no-replace', '{{define "T"}}a{{end}}{{define "T"}} {{end}}{{template "T"}}'],
  ['define-vars-not-inherited', '{{$x := 1}}{{define "T"}}{{$x}}{{end}}'],
  ['template-error-name', '{{define "T"}}{{.Nope}}{{end}}{{template "T" .}}'],
  ['template-recursion-limit', '{{define "R"}}x{{template "R" .}}{{end}}{{template "R" .}}'],
  ['template-recursion-bounded', '{{define "R"}}{{if .}}{{len .}}{{template "R" (slice . 1)}}{{end}}{{end}}{{template "R" "abcd"}}'],
  ['define-bad-name', '{{define T}}{{end}}'],
  ['template-raw-name', '{{define `R`}}raw{{end}}{{template `R`}}'],
  ['eq-multi', '{{eq .Name "a" "default"}} {{eq 1 1}} {{eq "a" "b"}} {{ne 1 2}} {{eq true true}} {{eq 1.5 1.5}}'],
  ['eq-incompatible', '{{eq 1 "a"}}'],
  ['eq-int-float', '{{eq 1 1.0}}'],
  ['lt-family', '{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 1.5}} {{lt "a" "B"}} {{gt 2 1}} {{le 3 2}}'],
  ['lt-bool', '{{lt true false}}'],
  ['lt-incompatible', '{{lt 1 "a"}}'],
  ['lt-int-float', '{{lt 1 1.5}}'],
  ['eq-uint-int', '{{eq (index "a" 0) 97}} {{lt (index "a" 0) 98}} {{gt 98 (index "a" 0)}} {{eq -1 (index "a" 0)}}'],
  ['eq-missing-arg', '{{eq 1}}'],
  ['lt-nil', '{{lt nil 1}}'],
  ['eq-nil', '{{eq nil nil}} {{ne nil nil}}'],
  ['eq-missing-value', '{{eq .Header.X "a"}}'],
  ['eq-bool-string', '{{eq .Current "true"}}'],
  ['and-or', '{{and 1 0 2}} {{and 1 2}} {{or 0 "" "z"}} {{or 0 false}} {{and "a"}} {{or ""}}'],
  ['and-no-args', '{{and}}'],
  ['and-short-circuit', '{{and false .Nope}} {{or true .Nope}}'],
  ['and-evaluates', '{{and true .Nope}}'],
  ['not', '{{not 0}} {{not .Name}} {{not ""}} {{not nil}}'],
  ['not-args', '{{not 1 2}}'],
  ['and-pipeline', '{{.Name | and true}} {{"" | or "x"}} {{0 | and 1}}'],
  ['len', '{{len .Name}} {{len "héllo"}} {{len (split "a,b,c" ",")}}'],
  ['len-int', '{{len 3}}'],
  ['len-nil-interface', '{{len .Header}}'],
  ['len-invalid', '{{len .Header.X}}'],
  ['index-string', '{{index "abc" 1}} {{printf "%T" (index "abc" 1)}}'],
  ['index-string-at-len', '{{index "abc" 3}}'],
  ['index-string-beyond', '{{index "abc" 4}}'],
  ['index-negative', '{{index "abc" -1}}'],
  ['index-slice', '{{index (split "a,b,c" ",") 2}}'],
  ['index-nil', '{{index nil 1}}'],
  ['index-int', '{{index 1 1}}'],
  ['index-no-indexes', '{{index "abc"}}'],
  ['index-string-key', '{{index (split "a" ",") "0"}}'],
  ['index-float', '{{index "abc" 1.0}}'],
  ['slice', '{{slice "abcdef" 1 3}} {{slice "abc" 1}} {{slice "abc"}} {{slice (split "a,b,c" ",") 1 2}}'],
  ['slice-3-string', '{{slice "abc" 1 2 3}}'],
  ['slice-3-slice', '{{slice (split "a,b,c" ",") 0 1 2}}'],
  ['slice-inverted', '{{slice "abc" 2 1}}'],
  ['slice-too-many', '{{slice "abc" 1 1 1 1}}'],
  ['slice-multibyte', '{{slice "héllo" 1 3}}'],
  ['slice-int', '{{slice 3 1}}'],
  ['print', '{{print 1 2 "a" "b" 3 true nil 1.5}}'],
  ['println', '{{println "a" 1 true}}end'],
  ['print-nil-interface', '{{print .Header}}|{{print .Header.X}}'],
  ['printf-int', '{{printf "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%O|%b|%#b|%c|%q|%U|%#U|%08.3d|%.0d|%-05d" 42 42 42 42 42 42 255 255 255 8 8 8 5 5 65 65 128512 128512 42 0 42}}'],
  ['printf-negative-int', '{{printf "%d|%x|%05d|%+d|%o|%b|%c|%q|%U" -42 -255 -42 -42 -8 -5 -1 -1 -1}}'],
  ['printf-float', '{{printf "%f|%.2f|%8.3f|%-8.3f|%08.3f|%+.1f|%e|%E|%.3e|%g|%G|%.3g|%v|%6.2v|%#g|%#.3f|% f|%F" 3.14159 3.14159 3.14159 3.14159 -3.14159 3.14159 314.159 314.159 314.159 0.00001234 1e21 1234567.0 2.5 3.14159 1.0 2.0 1.5 1.5}}'],
  ['printf-rounding', '{{printf "%.2f %.1f %.0f %.0f %.0f %.3g %.2f %.1f %.0e" 0.125 0.25 2.5 3.5 0.5 1234.5 1.005 0.05 25.0}}'],
  ['printf-float-extremes', '{{printf "%v %v %v %.0f %f %g %e" 1e100 1.7976931348623157e308 5e-324 1e21 1e-7 1e-7 0.0}}'],
  ['printf-float-hex-bin', '{{printf "%x %X %b %.2x" 1.0 3.5 1.0 1.0}}'],
  ['printf-float-sharp', '{{printf "%#v %#g %#.0f %#e %#.4g" 1.0 100000.0 3.0 1.0 1.0}}'],
  ['printf-string', '{{printf "%s|%10s|%-10s|%.2s|%q|%x|%X|% x|%#x|%v|%5.1s|%05s|%-05s|%#q|%+q" "hello" "hi" "hi" "hello" "a\\"b" "hi" "hi" "hi" "hi" "v" "abc" "ab" "ab" "ab" "é"}}'],
  ['printf-unicode-width', '{{printf "[%5s][%-5s][%.1s][%3.1s][%x][% X][%q]" "日本" "é" "日本" "日本" "日" "é" "日\\x01"}}'],
  ['printf-bool', '{{printf "%t %v %5t %-6t|" true false true false}}'],
  ['printf-bad-verb', '{{printf "%d %s %t %z %x" "str" 5 1 1.5 true}}'],
  ['printf-missing-extra', '{{printf "%s %s" "a"}}|{{printf "%s" "a" "b" 3 nil}}'],
  ['printf-percent', '{{printf "100%% %5%|%-5%|"}}'],
  ['printf-noverb', '{{printf "abc%"}}|{{printf "x%5"}}|{{printf "%-"}}'],
  ['printf-argindex', '{{printf "%[2]s %[1]s %[3]s %s" "a" "b"}}|{{printf "%[1]d %[1]x %[1]o" 10}}|{{printf "%[0]d" 1}}|{{printf "%[x]d" 1}}'],
  ['printf-star', '{{printf "[%*d] [%-*d] [%.*f] [%*d] [%.*d]" 5 42 5 42 2 3.14159 "x" 1 -1 7}}'],
  ['printf-star-negative', '{{printf "[%*d]" -5 42}}'],
  ['printf-nil', '{{printf "%v %s %d %T" nil nil nil nil}}'],
  ['printf-unicode-verbs', '{{printf "%c%c %q %+q %#U" 26085 0x1F600 0x65E5 0x65E5 0x1}}'],
  ['printf-big-int', '{{printf "%d %x %d" 9223372036854775807 -9223372036854775808 -0}}'],
  ['printf-first-not-string', '{{printf 5}}'],
  ['printf-pipe-final', '{{"x" | printf "%s-%s" "a"}}'],
  ['printf-width-too-large', '{{printf "%10000000000d" 1}}|{{printf "%.10000000000d" 1}}'],
  ['printf-slice', '{{printf "%v|%s|%q|%d|%x" (split "a,b" ",") (split "a,b" ",") (split "a,b" ",") (split "a,b" ",") (split "ab,c" ",")}}'],
  ['printf-sharp-v', '{{printf "%#v|%#v|%#v|%#v|%#v" "s" 1 true (split "a,b" ",") 1.5}}'],
  ['overflow-uint', '{{9223372036854775808}}'],
  ['overflow-parse', '{{99999999999999999999}}'],
  ['number-089', '{{089}}'],
  ['html', '{{html "<a href=\'x\'>&\\"</a>"}}'],
  ['html-args', '{{html 1 "<" 2}}|{{html .Header}}|{{html .Header.X}}|{{html}}'],
  ['js', '{{js "a\'b\\"c<d>e&f=g\\\\h é"}}|{{js "\\x01\\x7f\\u2028"}}'],
  ['urlquery', '{{urlquery "a b&c=d/é?~-_."}}|{{urlquery 1 2}}'],
  ['call-non-function', '{{call .Name}}'],
  ['call-nil', '{{call nil}}'],
  ['call-piped-int', '{{0 | call}}'],
  ['call-piped-string', '{{"s" | call}}'],
  ['len-struct', '{{len $}}'],
  ['index-struct', '{{index $ 0}}'],
  ['json', '{{json .}}'],
  ['json-values', '{{json .Name}} {{json 1.5}} {{json "a<b>&"}} {{json nil}} {{json 1e21}} {{json (split "a,b" ",")}} {{json 1}} {{json true}} {{json 1e-7}} {{json 100000000000000000000.0}}'],
  ['json-string-escapes', '{{json "\\u2028 \\u2029 \\x01 \\t \\b \\f é \\x7f"}}'],
  ['json-no-args', '{{json}}'],
  ['upper-lower-title', '{{upper "héllo ß"}}|{{lower "HÉLLO İ"}}|{{title "hello wORLD foo-bar_baz x.y élan"}}'],
  ['split-join', '{{join (split "a,b,c" ",") "+"}} {{split "abc" ""}} {{split "" ","}} {{len (split "" ",")}} {{split "a,,b" ","}}'],
  ['join-wrong-type', '{{join .Name ","}}'],
  ['join-literal', '{{join "a" ","}}'],
  ['pad', '[{{pad "x" 2 3}}] [{{pad "" 2 3}}] [{{pad .Name 0 1}}]'],
  ['pad-negative', '{{pad "x" -1 0}}'],
  ['truncate', '{{truncate "abcdef" 3}} {{truncate "ab" 3}} {{truncate "abc" 3}} [{{truncate "abc" 0}}]'],
  ['truncate-negative', '{{truncate "abc" -1}}'],
  ['truncate-wrong-type', '{{truncate .Name "3"}}'],
  ['truncate-float', '{{truncate .Name 3.0}}'],
  ['truncate-bad-float', '{{truncate .Name 3.5}}'],
  ['upper-int-literal', '{{upper 1}}'],
  ['upper-bool', '{{upper .Current}}'],
  ['upper-no-args', '{{upper}}'],
  ['upper-too-many-piped', '{{"a" | upper "b"}}'],
  ['pad-too-few', '{{pad "a" 1}}'],
  ['upper-nil', '{{upper nil}}'],
  ['upper-invalid', '{{upper .Header.X}}'],
  ['function-not-defined', '{{nope}}'],
  ['method-with-args', '{{.Name "x"}}'],
  ['field-on-string', '{{.Name.Foo}}'],
  ['field-missing', '{{.Foo}}'],
  ['field-unexported', '{{.c}}'],
  ['field-lowercase-method', '{{.fullHeader}}'],
  ['embedded', '{{.HeaderContext}}|{{.HeaderContext.Header}}|{{.Header}}|{{.FullHeader}}|{{.HeaderContext.FullHeader}}'],
  ['nil-interface-field', '{{.Header.X}}'],
  ['field-on-nil-chain', '{{.HeaderContext.Header.X}}'],
  ['non-function-var', '{{$x := 1}}{{$x 2}}'],
  ['non-function-number', '{{1 2}}'],
  ['non-function-pipe', '{{(1) 2}}'],
  ['pipe-into-field', '{{"x" | .Name}}'],
  ['pipe-into-literal', '{{"x" | 1}}'],
  ['parens', '{{(len .Name)}} {{(split "a.b" ".")}} {{len (split "a.b" ".")}} {{(.Name)}}'],
  ['chain-on-pipe', '{{(split "a" ",").Foo}}'],
  ['chain-on-function', '{{(.HeaderContext).Header}}'],
  ['chain-on-nil', '{{(nil).Foo}}'],
  ['dot-field-chain-literal', '{{"a".Foo}}'],
  ['non-executable', '{{1 | 2}}'],
  ['empty-action', '{{}}'],
  ['empty-paren', '{{()}}'],
  ['unclosed-action', '{{.Name'],
  ['unclosed-paren', '{{(.Name}}'],
  ['unexpected-rparen', '{{.Name)}}'],
  ['unterminated-string', '{{"abc}}'],
  ['unterminated-raw', '{{`abc}}'],
  ['unterminated-char', "{{'a}}"],
  ['bad-char-constant', "{{'ab'}}"],
  ['bad-number', '{{3k}}'],
  ['bad-character', '{{.Name#}}'],
  ['unrecognized-character', '{{€}}'],
  ['unexpected-end', '{{end}}'],
  ['unexpected-else', '{{else}}'],
  ['if-unclosed', '{{if .Current}}x'],
  ['if-missing-value', '{{if}}x{{end}}'],
  ['expected-end', '{{if true}}{{else}}{{else}}{{end}}'],
  ['colon-not-declare', '{{.Name :}}'],
  ['comment-unclosed', '{{/* abc}}'],
  ['comment-before-delim', '{{/* a */ .Name}}'],
  ['long-token-in-error', '{{.Name "abcdefghijklmnop" | }}'],
  ['keyword-in-error', '{{.Name | if}}'],
  ['multiline-exec-error', 'line1\\n{{.Name}}\\n{{.Foo}}'],
  ['multiline-parse-error', 'a\\n{{if}}'],
  ['multiline-action', '{{.Name\\n}}'],
  ['multiline-unclosed', '{{.Name\\n'],
  ['multibyte-column', 'é{{.Foo}}'],
  ['unicode-field-name', '{{.Námé}}'],
  ['tab-in-format', '{{.Name}}\\t{{.Current}}'],
  ['spaces-trimmed', '   {{.Name}}   '],
  ['escaped-backslash-t', '{{.Name}}\\\\t'],
  ['json-format', 'json'],
  ['raw-literal', 'raw'],
  ['table-custom', 'table {{.Name}}\\t{{.Current}}'],
  ['table-header-funcs', 'table {{upper .Name}}\\t{{lower .Description}}\\t{{title .DockerEndpoint}}\\t{{json .Name}}\\t{{truncate .Name 2}}\\t[{{pad .Error 1 1}}]'],
  ['table-header-split-join', 'table {{join (split .DockerEndpoint ":") "|"}}\\t{{.Name}}'],
  ['table-header-missing-key', 'table {{.Name}}\\t{{.Current}}'],
  ['table-header-error', 'table {{range split .Name ","}}{{.}}{{end}}\\t{{.Name}}'],
  ['table-header-partial', 'table {{.Name}}\\t{{index .Description 100}}\\t{{.Error}}'],
  ['table-if-self', 'table {{if .Current}}*{{end}}\\t{{.Name}}'],
  ['tablefoo', 'tablefoo {{.Name}}'],
  ['table-json', 'table {{json .}}'],
  ['table-only-text', 'table hello'],
  ['table-row-error', 'table {{.Name}}\\t{{.Nope}}'],
  ['table-parse-error', 'table {{.Name'],
];

/**
 * [name, literal] tabwriter cases: `table LITERAL` has no actions, so docker writes the
 * preprocessed literal twice (header and the one row) through its tabwriter. Raw \v, \f and
 * control characters are passed as they are; \\t and \\n are docker's escapes.
 */
const tabwriterCases = [
  ['tw-basic', 'a\\tbb\\tccc\\nddd\\te\\tf'],
  ['tw-empty-cells', '\\t\\tx\\n\\ty\\t'],
  ['tw-no-tab-line-breaks-block', 'a\\tb\\nno tabs here\\ncc\\td'],
  ['tw-trailing-tab', 'a\\t\\nbbbbbbbbbbbbbbb\\t'],
  ['tw-wide', '日本\\tx\\nab\\ty'],
  ['tw-long-cell', 'aaaaaaaaaaaaaaaaaaaa\\tb\\nc\\td'],
  ['tw-varying-columns', 'a\\tb\\tc\\td\\ne\\tf\\ng\\th\\ti'],
  ['tw-vtab', 'a\vb\\tc\\nd\ve\\tf'],
  ['tw-formfeed', 'a\\tb\fcc\\td\\nee\\tf'],
  ['tw-combining', 'e\u0301\u0301\\tx\\nab\\ty'],
  ['tw-emoji-zwj', '👨\u200d👩\u200d👧\\tx\\n😀\\ty\\nab\\tz'],
  ['tw-ambiguous', '±§°\\tx\\nab\\ty'],
  ['tw-control-chars', '\x01a\\tb\\ncc\\td'],
  ['tw-only-tabs', '\\t\\t\\t'],
  ['tw-inner-spaces', 'x  \\t  y\\nzz\\tw'],
  ['tw-fullwidth-hangul', 'ＡＢ\\t한국어\\tz\\nx\\ty\\tz'],
  ['tw-exact-minwidth', '1234567\\tx\\n12345678\\ty'],
  ['tw-cr', 'a\r\\tb\\ncc\\td'],
];

/**
 * [name, text] for `docker version --format TEXT` with no daemon: the client part goes through
 * Go's stdlib text/tabwriter with NewWriter(out, 20, 1, 1, ' ', 0), followed by "\n" (the
 * template is used verbatim: real tabs and newlines). Exercises non-docker tabwriter settings.
 */
const versionTabwriter = [
  ['twv-basic', 'a\tbb\tccc\nddd\te\tf'],
  ['twv-minwidth', 'x\ty\nlonger-than-twenty-chars\tz'],
  ['twv-empty', '\t\tq\n\tr\t'],
];

/** [name, format] on the multi-context config (several rows). */
const lsMulti = [
  ['multi-default-table', 'table'],
  ['multi-json', 'json'],
  ['multi-fields', '{{.Name}}:{{.Current}}:{{.Description}}'],
  ['multi-table-custom', 'table {{.Name}}\\t{{.Description}}\\t{{.Current}}'],
  ['multi-table-no-tabs', 'table {{.Name}} {{.Description}}'],
  ['multi-table-trailing-tab', 'table {{.Name}}\\t'],
  ['multi-table-empty-cells', 'table {{.Error}}\\t{{.Name}}\\t{{.Error}}\\t{{.Description}}'],
  ['multi-table-multiline-rows', 'table {{.Name}}\\n{{.Description}}\\t{{.Current}}'],
  ['multi-table-mixed-lines', 'table {{.Name}}\\t{{if .Current}}current{{else}}-{{end}}{{if eq .Name "beta2"}}\\n--- separator ---{{end}}'],
  ['multi-table-leading-tab', 'table \\t{{.Name}}\\t{{.DockerEndpoint}}'],
  ['multi-table-many-columns', 'table {{.Name}}\\t{{.Name}}\\t{{.Description}}\\t{{.DockerEndpoint}}\\t{{.Current}}\\t{{.Error}}'],
  ['multi-row-error-second', '{{if eq .Name "beta10"}}{{.Nope}}{{end}}{{.Name}}'],
];

/** [name, format] on the exotic config (tabwriter widths). */
const lsExotic = [
  ['exotic-default-table', 'table'],
  ['exotic-table', 'table {{.Name}}\\t{{.Description}}\\t{{.DockerEndpoint}}'],
  ['exotic-json', 'json'],
];

/** [name, refs, format] for `docker context inspect -f` on the multi config. */
const inspectCases = [
  ['insp-dot', ['maps', 'alpha'], '{{.}}'],
  ['insp-plus-v', ['maps'], '{{printf "%+v" .}}'],
  ['insp-fields', ['maps', 'beta10'], '{{.Name}}|{{.Metadata.Name}}|{{.Metadata.Metadata.Description}}|{{.Storage.TLSPath}}'],
  ['insp-range-endpoints', ['maps'], '{{range $k, $v := .Endpoints}}{{$k}}={{$v}};{{end}}'],
  ['insp-range-extra-types', ['maps'], '{{range $k, $v := .Endpoints.extra}}{{$k}}:{{printf "%T" $v}}:{{$v}};{{end}}'],
  ['insp-missing-and-nil', ['maps'], '{{.Endpoints.extra.n}}|{{.Endpoints.extra.missing}}|{{index .Endpoints.extra "missing"}}|{{index .Endpoints.extra "n"}}|{{.Endpoints.extra.missing.x}}'],
  ['insp-nil-interface-field', ['maps'], '{{.Endpoints.extra.n.x}}'],
  ['insp-len', ['maps'], '{{len .Endpoints}} {{len .Endpoints.extra.a}} {{len .TLSMaterial}} {{len .Metadata.Metadata.AdditionalFields}}'],
  ['insp-index', ['maps'], '{{index .Endpoints.extra.a 2}}|{{index .Endpoints.extra.a 0}}|{{printf "%T" (index .Endpoints.extra.a 0)}}|{{index .Endpoints "extra" "nested" "k"}}'],
  ['insp-json', ['maps', 'alpha'], '{{json .}}'],
  ['insp-json-parts', ['maps'], '{{json .Endpoints}}|{{json .Metadata.Metadata}}|{{json .Storage}}|{{json .TLSMaterial}}|{{json .Endpoints.extra.a}}'],
  ['insp-truth', ['maps'], '{{if .Endpoints.extra.n}}y{{else}}n{{end}} {{if .TLSMaterial}}y{{else}}n{{end}} {{if .Endpoints.extra.f}}y{{end}} {{if .Endpoints.extra.a}}y{{end}} {{if .Storage}}y{{end}}'],
  ['insp-eq-float', ['maps'], '{{eq .Endpoints.extra.b 2.0}} {{lt .Endpoints.extra.f 2.0}}'],
  ['insp-eq-float-int', ['maps'], '{{eq .Endpoints.extra.b 2}}'],
  ['insp-struct-in-map', ['maps'], '{{.Endpoints.docker.Host}} {{.Endpoints.docker.SkipTLSVerify}} {{.Endpoints.docker}}'],
  ['insp-missing-field', ['maps'], '{{.Foo}}'],
  ['insp-missing-field-two', ['maps', 'alpha'], '{{if eq .Name "alpha"}}{{.Foo}}{{end}}{{.Name}}'],
  ['insp-additional-fields', ['maps'], '{{.Metadata.Metadata.AdditionalFields.Obj.a}}|{{.Metadata.Metadata.AdditionalFields}}'],
  ['insp-range-slice-nil', ['maps'], '{{range .Endpoints.extra.a}}[{{.}}]{{end}}'],
  ['insp-join-interface-slice', ['maps'], '{{join .Endpoints.extra.a ","}}'],
  ['insp-printf-values', ['maps'], '{{printf "%v|%d|%s|%v|%.1f|%e|%v|%v" .Endpoints.extra.a .Endpoints.extra.b .Endpoints.extra.s .Endpoints.extra.big .Endpoints.extra.f .Endpoints.extra.b .Endpoints.extra.neg .Endpoints.extra.tiny}}'],
  ['insp-two-refs', ['alpha', 'maps'], '{{.Name}}'],
  ['insp-parse-error', ['alpha'], '{{.Name'],
  ['insp-promoted', ['maps'], '{{.Metadata.Endpoints.extra.f}}|{{.Endpoints.extra.nested.k}}'],
  ['insp-with-map', ['maps'], '{{with .Endpoints.extra}}{{.b}}{{.nested.k}}{{end}}'],
  ['insp-printf-structs', ['maps'], '{{printf "%v|%+v|%s|%v" .Storage .Endpoints.docker .Endpoints.extra.nested .Metadata.Metadata}}'],
  ['insp-struct-missing', ['maps'], '{{.Storage.Foo}}'],
  ['insp-map-missing-typed', ['maps'], '{{.TLSMaterial.docker}}|{{index .TLSMaterial "x"}}|{{printf "%T" (index .TLSMaterial "x")}}'],
  ['insp-tab-verbatim', ['alpha'], '{{.Name}}\\t{{.Name}}'],
  ['insp-map-key-method-args', ['maps'], '{{.Endpoints.extra.b 1}}'],
  ['insp-range-map-dot', ['maps'], '{{range .Endpoints.extra.nested}}{{.}}{{end}}'],
  ['insp-eq-maps', ['maps'], '{{eq .Endpoints.extra.nested .Endpoints.extra.nested}}'],
  ['insp-eq-struct', ['maps'], '{{eq .Storage .Storage}}'],
  ['insp-html-map', ['maps'], '{{html .Endpoints.extra.nested}}|{{urlquery .Endpoints.extra.a}}'],
  ['insp-printf-nil-elements', ['maps'], '{{printf "%08.3f|%X|%6.1v|%#v|%q" .Endpoints.extra.a .Metadata.Metadata.AdditionalFields.Alpha .Endpoints.extra .Endpoints.extra.a .Endpoints.extra}}'],
  ['insp-eq-struct-noncomparable', ['maps'], '{{eq .Storage $}}'],
  ['insp-printf-bad-verbs-map', ['maps'], '{{printf "%t|%e" .Endpoints.extra .Metadata.Metadata}}'],
];

/** [name, format] for `docker node ls --format` on the lab. */
const nodeLs = [
  ['node-default-table', 'table'],
  ['node-json', 'json'],
  ['node-fields', '{{.ID}} {{.Self}} {{.Hostname}} {{.Status}} {{.Availability}} {{.ManagerStatus}} {{.EngineVersion}} {{.TLSStatus}}'],
  ['node-table-custom', 'table {{.Hostname}}\\t{{.ManagerStatus}}\\t{{.TLSStatus}}'],
  ['node-table-trailing-empty', 'table {{.Hostname}}\\t{{.ManagerStatus}}'],
  ['node-if-self', '{{if .Self}}me{{else}}{{.Hostname}}{{end}}'],
  ['node-table-self', 'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\\t{{.Hostname}}'],
  ['node-field-missing', '{{.Foo}}'],
  ['node-raw', 'raw'],
  ['node-json-dot', '{{json .}}'],
  ['node-upper', 'table {{upper .Hostname}}\\t{{lower .Status}}\\t{{.Self}}'],
  ['node-printf', '{{printf "%-10s|%5v|%q" .Hostname .Self .ManagerStatus}}'],
];

/** [name, format] for `docker node inspect -f FORMAT <all nodes>` on the lab. */
const nodeInspect = [
  ['nodei-basic', '{{.ID}} {{.Description.Hostname}} {{.Spec.Role}} {{.Spec.Availability}} {{.Status.State}}'],
  ['nodei-manager-status', '{{.ManagerStatus}}|{{if .ManagerStatus}}{{.ManagerStatus.Leader}} {{.ManagerStatus.Reachability}}{{end}}'],
  ['nodei-version', '{{.Version}}|{{.Version.Index}}|{{.Meta.Version}}'],
  ['nodei-labels', '{{.Spec.Labels}}|{{len .Spec.Labels}}|{{.Description.Engine.Labels}}'],
  ['nodei-json-spec', '{{json .Spec}}|{{json .Status}}'],
  ['nodei-platform', '{{.Description.Platform}}|{{printf "%+v" .Description.Platform}}'],
  ['nodei-resources', '{{.Description.Resources.NanoCPUs}} {{printf "%T" .Description.Resources.MemoryBytes}}'],
  ['nodei-upper-state', '{{upper .Status.State}}'],
  ['nodei-eq-role', '{{eq .Spec.Role "manager"}}'],
  ['nodei-missing', '{{.Nope}}'],
  ['nodei-bytes', '{{.Description.TLSInfo.CertIssuerSubject}}|{{printf "%s|%x|%q|%v" .Description.TLSInfo.CertIssuerSubject .Description.TLSInfo.CertIssuerSubject .Description.TLSInfo.CertIssuerSubject .Description.TLSInfo.CertIssuerSubject}}|{{len .Description.TLSInfo.CertIssuerSubject}}|{{index .Description.TLSInfo.CertIssuerSubject 0}}'],
  ['nodei-manager-ptr', '{{.ManagerStatus}}|{{printf "%v|%+v" .ManagerStatus .ManagerStatus}}'],
  ['nodei-manager-nil-field', '{{.ManagerStatus.Addr}}'],
  ['nodei-with-ptr', '{{with .ManagerStatus}}{{.Addr}}{{else}}worker{{end}}'],
  ['nodei-json', '{{json .}}'],
  ['nodei-spec-struct', '{{.Spec}}|{{.Spec.Annotations}}|{{printf "%+v" .Spec}}'],
  ['nodei-plugins', '{{range .Description.Engine.Plugins}}{{.Type}}/{{.Name}} {{end}}|{{len .Description.Engine.Plugins}}|{{index .Description.Engine.Plugins 0}}'],
  ['nodei-resources-struct', '{{.Description.Resources}}|{{.Status}}'],
  ['nodei-named-string-eq', '{{eq .Status.State "ready"}} {{eq .Spec.Role "worker" "manager"}} {{printf "%T %T %T %T %T" .Version .Version.Index .Spec.Role .CreatedAt .Description.Resources.NanoCPUs}}'],
  ['nodei-uint-compare', '{{lt .Version.Index 1000}} {{.Version.Index | printf "%05d"}} {{gt .Version.Index 0}}'],
  ['nodei-created-at', '{{.CreatedAt}}|{{.CreatedAt.Year}}|{{json .CreatedAt}}|{{printf "%v" .CreatedAt}}'],
  ['nodei-join-labels', '{{join (split .Description.Hostname "-") "_"}}'],
  ['nodei-if-ptr', '{{if .ManagerStatus}}manager{{else}}worker{{end}}'],
  ['nodei-tls-trustroot', '{{len .Description.TLSInfo.TrustRoot}} {{slice .Description.TLSInfo.TrustRoot 0 27}}'],
];

/** [name, format] for `docker config ls --format` over one temporary labelled config. */
const configLs = [
  ['config-label-table', 'table {{.Name}}\\t{{.Label "com.example.some-label_x"}}\\t{{.Label "missing"}}\\t{{.Label "other"}}'],
  // Not {{.Labels}}: docker 28 joins the label map in Go's random map order.
  ['config-label-plain', '{{.Label "com.example.some-label_x"}}|{{.Label "other"}}|{{len .Labels}}'],
  ['config-label-header-pad', 'table {{pad (.Label "a.b_c-d") 1 1}}\\t{{upper (.Label "x")}}'],
  ['config-label-no-args', '{{.Label}}'],
];

/** [name, format] for `docker network inspect -f FORMAT ingress`. */
const networkInspect = [
  ['net-typed', '{{.Name}} {{.Driver}} {{.Scope}} {{.Ingress}}'],
  ['net-fallback-missing', '{{.Nope}}'],
  ['net-fallback-index', '{{index . "Name"}}|{{index . "Ingress"}}|{{printf "%T" (index . "Ingress")}}|{{printf "%T" .}}'],
  ['net-fallback-missing-nested', '{{index . "Name"}}{{.IPAM.Nope}}'],
  ['net-parse-error', '{{.Name'],
];

/** GET a raw API body over the lab socket (what docker's inspect receives). */
async function apiGet(dockerHost, path) {
  const { request } = await import('node:http');
  const socketPath = dockerHost.replace(/^unix:\/\//, '');
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: `/v1.41${path}`, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

// --- run -------------------------------------------------------------------------------------

rmSync(casesDir, { recursive: true, force: true });
mkdirSync(casesDir, { recursive: true });
let count = 0;

function save(name, data) {
  writeFileSync(`${casesDir}${name}.json`, `${JSON.stringify({ name, ...data }, null, 2)}\n`);
  count++;
}


const envs = {};
for (const [name, def] of Object.entries(configs)) envs[name] = setupConfig(name, def);

for (const [config, list] of [
  ['single', lsSingle],
  ['multi', lsMulti],
  ['exotic', lsExotic],
]) {
  for (const [name, format] of list) {
    const f = format;
    const r = run(['context', 'ls', '--format', f], envs[config]);
    save(name, { kind: 'context-ls', config, format: f, ...r });
  }
}
for (const [name, literal] of tabwriterCases) {
  const format = `table ${literal}`;
  save(name, { kind: 'context-ls', config: 'single', format, tabwriter: true, ...run(['context', 'ls', '--format', format], envs.single) });
}
for (const [name, refs, format] of inspectCases) {
  const r = run(['context', 'inspect', '-f', format, ...refs], envs.multi);
  save(name, { kind: 'context-inspect', config: 'multi', refs, format, ...r });
}

// A named template ("version") for parse errors; `docker version` exits 64 on them.
for (const [name, text] of [
  ['version-parse-unclosed', '{{.Foo'],
  ['version-parse-function', '{{nope}}'],
  ['version-parse-multiline', 'a\n{{if}}'],
]) {
  const r = run(['version', '--format', text], { DOCKER_HOST: 'unix:///nonexistent/tsw.sock' });
  save(name, { kind: 'version-parse', format: text, ...r });
}

for (const [name, text] of versionTabwriter) {
  const r = run(['version', '--format', text], { DOCKER_HOST: 'unix:///nonexistent/tsw.sock' });
  save(name, { kind: 'version-tabwriter', format: text, stdout: r.stdout, stderr: '', code: 0 });
}

const host = labHost();
if (host) {
  const env = { DOCKER_HOST: host };
  const rows = must(['node', 'ls', '--format', '{{json .}}'], env)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
  const ids = rows.map((r) => r.ID);
  const inspect = JSON.parse(must(['node', 'inspect', ...ids], env));
  writeFileSync(`${goldenDir}fixture-nodes.json`, `${JSON.stringify({ client: clientVersion, rows, inspect }, null, 2)}\n`);
  for (const [name, format] of nodeLs) {
    save(name, { kind: 'node-ls', format, ...run(['node', 'ls', '--format', format], env) });
  }
  for (const [name, format] of [
    ['node-empty-table', 'table {{.ID}}\\t{{.Hostname}}'],
    ['node-empty-default-table', 'table'],
    ['node-empty-template', '{{.ID}}'],
    ['node-empty-json', 'json'],
  ]) {
    save(name, { kind: 'node-ls-empty', format, ...run(['node', 'ls', '--filter', 'name=tsw-no-such-node', '--format', format], env) });
  }
  for (const [name, format] of nodeInspect) {
    save(name, { kind: 'node-inspect', refs: ids, format, ...run(['node', 'inspect', '-f', format, ...ids], env) });
  }

  // config ls: a Label method on rows, and SubHeaderContext.Label on the header.
  const cfg = `tsw-tplcap-${process.pid}`;
  const created = spawnSync(docker, ['config', 'create', '--label', 'com.example.some-label_x=val<1>', '--label', 'other=', cfg, '-'], {
    input: 'x',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: host },
  });
  if (created.status !== 0) throw new Error(`config create failed: ${created.stderr}`);
  try {
    const filter = ['--filter', `name=${cfg}`];
    const rows = must(['config', 'ls', ...filter, '--format', '{{json .}}'], env)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    writeFileSync(`${goldenDir}fixture-configs.json`, `${JSON.stringify({ client: clientVersion, rows }, null, 2)}\n`);
    for (const [name, format] of configLs) {
      save(name, { kind: 'config-ls', format, ...run(['config', 'ls', ...filter, '--format', format], env) });
    }
  } finally {
    run(['config', 'rm', cfg], env);
  }

  // network inspect: the only inspect that passes raw JSON, so the missingkey=error fallback runs.
  const nets = JSON.parse(must(['network', 'inspect', 'ingress'], env));
  const rawIngress = await apiGet(host, `/networks/${nets[0].Id}`);
  writeFileSync(`${goldenDir}fixture-networks.json`, `${JSON.stringify({ client: clientVersion, inspect: nets, raw: [rawIngress] }, null, 2)}\n`);
  for (const [name, format] of networkInspect) {
    save(name, { kind: 'network-inspect', refs: ['ingress'], format, ...run(['network', 'inspect', '-f', format, 'ingress'], env) });
  }
} else {
  console.log('no lab (/tmp/tsw-lab.env): node, config and network cases skipped');
}

console.log(`captured ${count} cases with docker ${clientVersion} into ${goldenDir}`);
