/**
 * The pure layer under `service create` / `service update` (no I/O, no process, no clock),
 * mirroring docker/cli v28.2.2 (cli/command/service/{opts,create,update,parse}.go, opts/,
 * opts/swarmopts/, and the vendored moby API types, go-units, go-connections, shlex).
 *
 * Typical use by a command:
 *
 *   1. Flags: register SERVICE_FLAGS (serviceFlagsFor('create'|'update')) and parse each value
 *      with parseFlagValue (pflag's Set; a SpecValueError becomes pflag's
 *      `invalid argument "v" for "--flag" flag: …`, exit 125). The accumulated object is a
 *      ServiceFlagValues; a key is present exactly when the flag was given.
 *   2. create: look up what docker looks up (networks by name, secrets, configs, env-file
 *      contents) and call buildServiceSpec; update: decodeService(GET /services/{id} body),
 *      applyUpdateFlags. Both throw SpecError (printed as-is, exit 1) or GoPanic (exit 2).
 *   3. The client's image handling (tag `:latest`, `GET /distribution/…` → pinServiceImage with
 *      distributionPlatforms), then encodeServiceSpec gives the exact request body.
 */
export { splitServiceArgs } from './argv.ts';
export { fromHumanSize, ramInBytes } from './bytes.ts';
export { parseNanoCPUs, parseRat } from './cpus.ts';
export {
  type CreateArgs,
  type CreateContext,
  type DistributionPlatform,
  type Lookup,
  buildServiceSpec,
  defaultRestartPolicy,
  defaultUpdateConfig,
  distributionPlatforms,
  pinServiceImage,
  resolveNetworkAttachments,
} from './create.ts';
export { SpecError, SpecValueError } from './errors.ts';
export {
  FlagParseError,
  type ParseContext,
  SERVICE_FLAGS,
  type ServiceFlagDef,
  type ServiceFlagName,
  type ServiceFlagValues,
  findServiceFlag,
  parseFlagValue,
  parseServiceFlags,
  serviceFlagsFor,
} from './flags.ts';
export { csvFirstRecord } from '../go/csv.ts';
export { type InspectedService, decodeService, decodeServiceSpec, encodeServiceSpec } from './codec.ts';
export { ipString, parseIP, splitHostPort } from '../go/net.ts';
export { GoPanic, type LookupEnv, kvToMap, makeEnv, parseEnvFile, validateEnv, validateLabel } from './kv.ts';
export { type ParsedMount, parseMountOpt } from './mounts.ts';
export { type NetworkOpt, parseNetworkOpt } from './network.ts';
export { isLongSyntax, parsePortOpt, portConfigString } from './ports.ts';
export {
  type NamedObject,
  configLookupNames,
  parseConfigOpt,
  parseSecretOpt,
  resolveConfigRefs,
  resolveSecretRefs,
  secretLookupNames,
} from './refs.ts';
export { shlexSplit } from './shlex.ts';
export type * from './types.ts';
export { type UpdateContext, applyUpdateFlags } from './update.ts';
export {
  type CredentialSpecOpt,
  effectiveCapAddCapDrop,
  extraHostsToSwarm,
  normalizeCapability,
  parseCredentialSpec,
  parseGenericResources,
  parsePlacementPref,
  parseUlimit,
  validateDNSSearch,
  validateExtraHost,
  validateGenericResource,
  validateIPAddress,
} from './values.ts';
