/**
 * A faithful interpreter of Go's text/template (Go 1.24, as docker 28.2 is built with) and
 * the parts of fmt, strconv and encoding/json it relies on. Output and error messages are
 * Go's, byte for byte (checked against docker 28 in test/unit/template-golden.test.ts).
 *
 * API
 *   parseTemplate(src, {name?, funcs?, missingKey?}): Template
 *       text/template's New(name).Funcs(funcs).Option(missingkey).Parse(src); Go's built-ins
 *       are always there. Throws TemplateParseError ("template: <name>:<line>: <msg>").
 *   parseDockerTemplate(src, version = 28): Template
 *       docker's templates.Parse: name "", built-ins + json split join title lower upper pad
 *       truncate (docker 28's join takes a []string; pass 29 for docker 29's join).
 *   Template.execute(data): string               throws TemplateExecError
 *   Template.executeInto(data, out: string[])    appends output; keeps partial output on error
 *   Template.executeTemplate(name, data): string Go's ExecuteTemplate
 *   Template.withFuncs(funcs): Template          Go's tmpl.Funcs(...) after Parse (headers)
 *   Template.withMissingKey(k): Template         Go's Option("missingkey=k")
 *   sprint / sprintln / sprintf(format, args)    Go's fmt over the same value model
 *   marshalJSON(v, escapeHTML)                   Go's json.Marshal (row contexts' MarshalJSON)
 *   decodeJSONUseNumber(text)                    json.Decoder + UseNumber into interface{}
 *   fromJSON(value)                              JSON.parse output as json.Unmarshal's any
 *   dockerFuncs(version?), headerFuncs, builtins the function tables
 *
 * Values (see values.ts and ../govalue.ts)
 *   Plain objects are map[string]interface {}; objects with goType are structs (fields,
 *   getters and methods; lower-case names are unexported); goFormat is a Stringer (also
 *   through a GoPtr); goScalar a named scalar; arrays are slices (goType may name them);
 *   Uint8Array is []byte; JS Map instances are maps whose subclasses may add methods.
 *   GoNumber / GoNil / GoPtr / GoComplex / JSONNumber carry exact Go types when they matter;
 *   goMapElem / goMapZero describe a map's element type. A field `.X` on an object calls a
 *   zero-argument method or getter X, and `.X "a"` calls method X with arguments, as Go
 *   calls methods. A JS method may throw (FuncError or any Error): Go's "error calling X".
 */
import { dockerFuncs, type DockerFuncsVersion } from './docker.ts';
import { Template, type TemplateOptions } from './template.ts';

export { Template, appendFieldRow, type FieldPart, type TemplateOptions } from './template.ts';
export { TemplateParseError, TemplateExecError, FuncError } from './errors.ts';
export { builtins, htmlEscape, jsEscape, queryEscape } from './funcs.ts';
export { dockerFuncs, headerFuncs, goSplit, goTitle, goToLower, goToUpper } from './docker.ts';
export type { FuncMap, GoFunc } from './funcs.ts';
export type { DockerFuncsVersion } from './docker.ts';
export type { MissingKey } from './exec.ts';
export { sprint, sprintln, FAKE_ADDRESS } from './print.ts';
export { sprintf } from './printf.ts';
export { marshalJSON, decodeJSONUseNumber, JSONNumber } from './json.ts';
export {
  GoNumber,
  GoNil,
  GoPtr,
  GoComplex,
  NIL_IFACE,
  goMapElem,
  goMapZero,
  fromJSON,
  goInt64,
  goUint64,
  goFloat64,
  goUint8,
  typeName,
  kindOf,
} from './values.ts';

/** text/template's New(name).Funcs(funcs).Parse(src). */
export function parseTemplate(src: string, options: TemplateOptions = {}): Template {
  return Template.parse(src, options);
}

/** docker's templates.Parse(format): template "" with docker's functions. */
export function parseDockerTemplate(src: string, version: DockerFuncsVersion = 28): Template {
  return Template.parse(src, { name: '', funcs: dockerFuncs(version) });
}
