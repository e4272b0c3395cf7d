/**
 * Service volumes → mounts (docker/cli v28.2.2 cli/compose/convert/volume.go). Volumes are never
 * created by the CLI: the daemon creates them from the mount's VolumeOptions.
 */
import type { Mount } from '../../spec/types.ts';
import type { ServiceVolumeConfig, VolumeConfig } from '../types.ts';
import { quote } from '../../go/quote.ts';
import { ConvertError } from './errors.ts';
import { addStackLabel, type Namespace } from './namespace.ts';

type StackVolumes = Readonly<Record<string, VolumeConfig>> | undefined;

function fail(msg: string): never {
  throw new ConvertError(msg);
}

/** createMountFromVolume */
function baseMount(v: ServiceVolumeConfig): Mount {
  const m: Mount = {};
  if ((v.Type ?? '') !== '') m.Type = v.Type;
  if ((v.Source ?? '') !== '') m.Source = v.Source;
  if ((v.Target ?? '') !== '') m.Target = v.Target;
  if (v.ReadOnly === true) m.ReadOnly = true;
  if ((v.Consistency ?? '') !== '') m.Consistency = v.Consistency;
  return m;
}

function lookupVolume(stack: StackVolumes, key: string): VolumeConfig | undefined {
  if (stack === undefined || !Object.prototype.hasOwnProperty.call(stack, key)) return undefined;
  return stack[key] ?? {};
}

function volumeMount(v: ServiceVolumeConfig, stack: StackVolumes, ns: Namespace): Mount {
  const result = baseMount(v);
  if (v.Image !== undefined) fail('images options are incompatible with type volume');
  if (v.Tmpfs !== undefined) fail('tmpfs options are incompatible with type volume');
  if (v.Bind !== undefined) fail('bind options are incompatible with type volume');
  if (v.Cluster !== undefined) fail('cluster options are incompatible with type volume');
  const source = v.Source ?? '';
  if (source === '') return result;
  const sv = lookupVolume(stack, source);
  if (sv === undefined) fail(`undefined volume ${quote(source)}`);
  result.Source = ns.scope(source);
  result.VolumeOptions = {};
  if (v.Volume !== undefined) {
    if (v.Volume.NoCopy === true) result.VolumeOptions.NoCopy = true;
    if ((v.Volume.Subpath ?? '') !== '') result.VolumeOptions.Subpath = v.Volume.Subpath;
  }
  if ((sv.Name ?? '') !== '') result.Source = sv.Name;
  if (sv.External?.External === true) return result;
  result.VolumeOptions.Labels = addStackLabel(ns, sv.Labels);
  if ((sv.Driver ?? '') !== '' || sv.DriverOpts !== undefined) {
    result.VolumeOptions.DriverConfig = { Name: sv.Driver ?? '', ...(sv.DriverOpts !== undefined ? { Options: { ...sv.DriverOpts } } : {}) };
  }
  return result;
}

function imageMount(v: ServiceVolumeConfig): Mount {
  const result = baseMount(v);
  if ((v.Source ?? '') === '') fail('invalid image source, source cannot be empty');
  if (v.Volume !== undefined) fail('volume options are incompatible with type image');
  if (v.Bind !== undefined) fail('bind options are incompatible with type image');
  if (v.Tmpfs !== undefined) fail('tmpfs options are incompatible with type image');
  if (v.Cluster !== undefined) fail('cluster options are incompatible with type image');
  if (v.Image !== undefined) result.ImageOptions = (v.Image.Subpath ?? '') !== '' ? { Subpath: v.Image.Subpath } : {};
  return result;
}

function bindMount(v: ServiceVolumeConfig): Mount {
  const result = baseMount(v);
  if ((v.Source ?? '') === '') fail('invalid bind source, source cannot be empty');
  if (v.Volume !== undefined) fail('volume options are incompatible with type bind');
  if (v.Image !== undefined) fail('image options are incompatible with type bind');
  if (v.Tmpfs !== undefined) fail('tmpfs options are incompatible with type bind');
  if (v.Cluster !== undefined) fail('cluster options are incompatible with type bind');
  if (v.Bind !== undefined) result.BindOptions = (v.Bind.Propagation ?? '') !== '' ? { Propagation: v.Bind.Propagation } : {};
  return result;
}

function tmpfsMount(v: ServiceVolumeConfig): Mount {
  const result = baseMount(v);
  if ((v.Source ?? '') !== '') fail('invalid tmpfs source, source must be empty');
  if (v.Bind !== undefined) fail('bind options are incompatible with type tmpfs');
  if (v.Volume !== undefined) fail('volume options are incompatible with type tmpfs');
  if (v.Image !== undefined) fail('image options are incompatible with type tmpfs');
  if (v.Cluster !== undefined) fail('cluster options are incompatible with type tmpfs');
  if (v.Tmpfs !== undefined) result.TmpfsOptions = (v.Tmpfs.Size ?? 0) !== 0 ? { SizeBytes: BigInt(v.Tmpfs.Size ?? 0) } : {};
  return result;
}

function npipeMount(v: ServiceVolumeConfig): Mount {
  const result = baseMount(v);
  if ((v.Source ?? '') === '') fail('invalid npipe source, source cannot be empty');
  if (v.Volume !== undefined) fail('volume options are incompatible with type npipe');
  if (v.Image !== undefined) fail('image options are incompatible with type npipe');
  if (v.Tmpfs !== undefined) fail('tmpfs options are incompatible with type npipe');
  if (v.Bind !== undefined) result.BindOptions = (v.Bind.Propagation ?? '') !== '' ? { Propagation: v.Bind.Propagation } : {};
  return result;
}

function clusterMount(v: ServiceVolumeConfig, stack: StackVolumes, ns: Namespace): Mount {
  const source = v.Source ?? '';
  if (source === '') fail('invalid cluster source, source cannot be empty');
  if (v.Tmpfs !== undefined) fail('tmpfs options are incompatible with type cluster');
  if (v.Bind !== undefined) fail('bind options are incompatible with type cluster');
  if (v.Volume !== undefined) fail('volume options are incompatible with type cluster');
  const result = baseMount(v);
  result.ClusterOptions = {};
  if (!source.startsWith('group:')) {
    const sv = lookupVolume(stack, source);
    if (sv === undefined) fail(`undefined volume ${quote(source)}`);
    result.Source = (sv.Name ?? '') !== '' ? sv.Name : ns.scope(source);
  }
  return result;
}

/** convertVolumeToMount */
export function convertVolumeToMount(v: ServiceVolumeConfig, stack: StackVolumes, ns: Namespace): Mount {
  switch (v.Type ?? '') {
    case 'volume':
    case '':
      return volumeMount(v, stack, ns);
    case 'image':
      return imageMount(v);
    case 'bind':
      return bindMount(v);
    case 'tmpfs':
      return tmpfsMount(v);
    case 'npipe':
      return npipeMount(v);
    case 'cluster':
      return clusterMount(v, stack, ns);
  }
  return fail('volume type must be volume, bind, tmpfs, npipe, or cluster');
}

/** convert.Volumes */
export function convertVolumes(serviceVolumes: readonly ServiceVolumeConfig[] | undefined, stack: StackVolumes, ns: Namespace): Mount[] {
  return (serviceVolumes ?? []).map((v) => convertVolumeToMount(v, stack, ns));
}
