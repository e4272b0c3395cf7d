/**
 * `--mount` / `--mount-add` values: opts.MountOpt.Set (docker/cli v28.2.2 opts/mount.go).
 * CSV of key=value fields, keys case-insensitive; types bind, volume (default), tmpfs, npipe,
 * cluster, image (the type itself is not validated client-side).
 */
import { posix } from 'node:path';
import { ramInBytes } from './bytes.ts';
import { SpecValueError } from './errors.ts';
import { csvFirstRecord } from '../go/csv.ts';
import { NumError, parseGoBool, parseGoUint } from '../go/strconv.ts';
import type { BindOptions, ImageOptions, Mount, TmpfsOptions, VolumeOptions } from './types.ts';

/** What one `--mount` value produced: the mount and the warnings docker logs while parsing. */
export interface ParsedMount {
  readonly mount: Mount;
  /**
   * Messages docker logs with logrus.Warn during Set (`bind-nonrecursive is deprecated, use
   * bind-recursive=disabled instead`); the caller prints them in logrus' format.
   */
  readonly warnings: readonly string[];
}

/**
 * Parses one `--mount` value. `cwd` is the CLI's working directory: a relative `source`
 * starting with "." is made absolute against it (filepath.Abs).
 */
export function parseMountOpt(value: string, cwd: string): ParsedMount {
  const fields = csvFirstRecord(value, SpecValueError);
  const warnings: string[] = [];
  let type = 'volume'; // default to volume mounts
  let source: string | undefined;
  let target: string | undefined;
  let readOnly = false;
  let consistency: string | undefined;
  let bind: BindOptions | undefined;
  let volume: (VolumeOptions & { Labels: Record<string, string>; DriverConfig: { Name?: string; Options?: Record<string, string> } }) | undefined;
  let image: ImageOptions | undefined;
  let tmpfs: TmpfsOptions | undefined;

  // VolumeOptions comes with an empty label map and an empty DriverConfig, which is sent as
  // `"DriverConfig":{}` whenever any volume-* option is given.
  const volumeOptions = (): NonNullable<typeof volume> => (volume ??= { Labels: {}, DriverConfig: {} });
  const bindOptions = (): BindOptions => (bind ??= {});
  const tmpfsOptions = (): TmpfsOptions => (tmpfs ??= {});
  const setValueOnMap = (m: Record<string, string>, v: string): void => {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (k !== '') m[k] = eq < 0 ? '' : v.slice(eq + 1);
  };
  const parseBool = (key: string, val: string): boolean => {
    const b = parseGoBool(val);
    if (b === undefined) throw new SpecValueError(`invalid value for ${key}: ${val}`);
    return b;
  };

  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      switch (key) {
        case 'readonly':
        case 'ro':
          readOnly = true;
          continue;
        case 'volume-nocopy':
          volumeOptions().NoCopy = true;
          continue;
        case 'bind-nonrecursive':
          bindOptions().NonRecursive = true; // bare form: no deprecation warning
          continue;
        default:
          throw new SpecValueError(`invalid field '${field}' must be a key=value pair`);
      }
    }
    switch (key) {
      case 'type':
        type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        source = val;
        if (!posix.isAbsolute(val) && val.startsWith('.')) source = posix.resolve(cwd, val);
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = val;
        break;
      case 'readonly':
      case 'ro':
        readOnly = parseBool(key, val);
        break;
      case 'consistency':
        consistency = val.toLowerCase();
        break;
      case 'bind-propagation':
        bindOptions().Propagation = val.toLowerCase();
        break;
      case 'bind-nonrecursive':
        bindOptions().NonRecursive = parseBool(key, val);
        warnings.push('bind-nonrecursive is deprecated, use bind-recursive=disabled instead');
        break;
      case 'bind-recursive':
        switch (val) {
          case 'enabled': // the default; does not create BindOptions
            break;
          case 'disabled':
            bindOptions().NonRecursive = true;
            break;
          case 'writable':
            bindOptions().ReadOnlyNonRecursive = true;
            break;
          case 'readonly':
            bindOptions().ReadOnlyForceRecursive = true;
            break;
          default:
            throw new SpecValueError(`invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`);
        }
        break;
      case 'volume-subpath':
        volumeOptions().Subpath = val;
        break;
      case 'volume-nocopy':
        volumeOptions().NoCopy = parseBool('volume-nocopy', val);
        break;
      case 'volume-label':
        setValueOnMap(volumeOptions().Labels, val);
        break;
      case 'volume-driver':
        volumeOptions().DriverConfig.Name = val;
        break;
      case 'volume-opt': {
        const dc = volumeOptions().DriverConfig;
        dc.Options ??= {};
        setValueOnMap(dc.Options, val);
        break;
      }
      case 'image-subpath':
        (image ??= {}).Subpath = val;
        break;
      case 'tmpfs-size': {
        let size: bigint;
        try {
          size = ramInBytes(val);
        } catch {
          throw new SpecValueError(`invalid value for ${key}: ${val}`);
        }
        tmpfsOptions().SizeBytes = size;
        break;
      }
      case 'tmpfs-mode': {
        const m = parseGoUint(val, 8, 32);
        if (m instanceof NumError) throw new SpecValueError(`invalid value for ${key}: ${val}`);
        tmpfsOptions().Mode = Number(m);
        break;
      }
      default:
        throw new SpecValueError(`unexpected key '${key}' in '${field}'`);
    }
  }

  if (type === '') throw new SpecValueError('type is required');
  if ((target ?? '') === '') throw new SpecValueError('target is required');
  if (volume !== undefined && type !== 'volume') throw new SpecValueError(`cannot mix 'volume-*' options with mount type '${type}'`);
  if (image !== undefined && type !== 'image') throw new SpecValueError(`cannot mix 'image-*' options with mount type '${type}'`);
  if (bind !== undefined && type !== 'bind') throw new SpecValueError(`cannot mix 'bind-*' options with mount type '${type}'`);
  if (tmpfs !== undefined && type !== 'tmpfs') throw new SpecValueError(`cannot mix 'tmpfs-*' options with mount type '${type}'`);
  if (bind !== undefined) {
    if (bind.ReadOnlyNonRecursive && !readOnly) {
      throw new SpecValueError("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
    }
    if (bind.ReadOnlyForceRecursive) {
      if (!readOnly) throw new SpecValueError("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
      if (bind.Propagation !== 'rprivate') {
        throw new SpecValueError("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
      }
    }
  }

  const mount: Mount = { Type: type };
  if (source !== undefined) mount.Source = source;
  mount.Target = target;
  if (readOnly) mount.ReadOnly = true;
  if (consistency !== undefined) mount.Consistency = consistency;
  if (bind !== undefined) mount.BindOptions = bind;
  if (volume !== undefined) mount.VolumeOptions = volume;
  if (image !== undefined) mount.ImageOptions = image;
  if (tmpfs !== undefined) mount.TmpfsOptions = tmpfs;
  return { mount, warnings };
}
