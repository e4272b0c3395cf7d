/**
 * The secrets endpoints (client/secret_{list,inspect,create,remove}.go, docker 28) and what
 * configs share with them. Secret data only ever travels in a request body, base64-encoded
 * as encoding/json writes a []byte; it is never put in a URL.
 */
import { filtersQuery, trimID } from './client.ts';
import { goJSON, type Member } from '../go/json.ts';
import type { Engine, Filters, Raw, Version } from './types.ts';

export interface NamedSwarmObject {
  readonly ID: string;
  readonly Name: string;
}

/** swarm.Driver as the daemon returns it. */
export interface SwarmDriver {
  readonly Name?: string;
  readonly Options?: Record<string, string> | null;
}

/** swarm.Secret / swarm.Config as decoded from the daemon (the fields tsw reads). */
export interface SwarmSecretLike {
  readonly ID: string;
  readonly Version?: Version;
  readonly CreatedAt?: string;
  readonly UpdatedAt?: string;
  readonly Spec?: {
    readonly Name?: string;
    readonly Labels?: Record<string, string> | null;
    /** base64, as encoding/json writes []byte (configs only; the daemon never returns secret data). */
    readonly Data?: string;
    readonly Driver?: SwarmDriver | null;
    readonly Templating?: SwarmDriver | null;
  };
}

export type SwarmSecret = SwarmSecretLike;

interface Listed {
  readonly ID?: string;
  readonly Spec?: { readonly Name?: string };
}

export function namesFilter(names: readonly string[]): Filters {
  const name: Record<string, boolean> = {};
  for (const n of names) name[n] = true;
  return { name };
}

export async function listSwarmObjects(engine: Engine, kind: 'secrets' | 'configs', filters: Filters): Promise<NamedSwarmObject[]> {
  const { value } = await engine.request<Listed[] | null>({ method: 'GET', path: `/${kind}`, query: filtersQuery(filters) });
  return (value ?? []).map((o) => ({ ID: o.ID ?? '', Name: o.Spec?.Name ?? '' }));
}

/** The secrets whose names match (the daemon matches prefixes; callers compare exactly). */
export async function listSecretsByName(engine: Engine, names: readonly string[]): Promise<NamedSwarmObject[]> {
  return listSwarmObjects(engine, 'secrets', namesFilter(names));
}

/** GET /{kind}?filters=… decoded (no filters parameter when there are none). */
export async function listObjects<T extends SwarmSecretLike>(engine: Engine, kind: 'secrets' | 'configs', filters: Filters): Promise<T[]> {
  const { value } = await engine.request<T[] | null>({ method: 'GET', path: `/${kind}`, query: filtersQuery(filters) });
  return value ?? [];
}

/**
 * GET /{kind}/{ref}: the decoded object and the daemon's bytes (inspect prints those). An empty
 * ref fails before any request; docker 28's config inspect misspells its kind ("contig").
 */
export async function inspectObject<T extends SwarmSecretLike>(engine: Engine, kind: 'secrets' | 'configs', ref: string): Promise<Raw<T>> {
  const id = trimID(kind === 'configs' ? 'contig' : 'secret', ref);
  return engine.request<T>({ method: 'GET', path: `/${kind}/${id}` });
}

/** DELETE /{kind}/{ref}. */
export async function removeObject(engine: Engine, kind: 'secrets' | 'configs', ref: string): Promise<void> {
  const id = trimID(kind === 'configs' ? 'config' : 'secret', ref);
  await engine.request({ method: 'DELETE', path: `/${kind}/${id}` });
}

/** What `secret create` / `config create` send (swarm.SecretSpec / swarm.ConfigSpec). */
export interface SecretSpecInput {
  readonly Name: string;
  /** opts.ConvertKVStringsToMap: never nil, so always sent ({} when no label). */
  readonly Labels: Readonly<Record<string, string>>;
  /** Absent (nil) for a driver-backed secret: omitted from the body. */
  readonly Data?: Uint8Array;
  readonly Driver?: string;
  /** The driver's options (compose `driver_opts`); sent only when there are some. */
  readonly DriverOptions?: Readonly<Record<string, string>>;
  readonly Templating?: string;
}

function driverJSON(name: string | undefined, options?: Readonly<Record<string, string>>): Member[1] {
  if (!name) return undefined;
  const opts = options !== undefined && Object.keys(options).length > 0 ? goJSON.map(options) : undefined;
  return goJSON.obj([['Name', goJSON.str(name)], ['Options', opts]]);
}

/**
 * The body encoding/json writes for the spec: Annotations (Name omitempty, Labels), then Data
 * (base64, omitempty), Driver (secrets only), Templating — Go's field order.
 */
export function specJSON(kind: 'secrets' | 'configs', spec: SecretSpecInput): string {
  const data = spec.Data && spec.Data.length > 0 ? goJSON.str(Buffer.from(spec.Data).toString('base64')) : undefined;
  return goJSON.obj([
    ['Name', spec.Name ? goJSON.str(spec.Name) : undefined],
    ['Labels', goJSON.map(spec.Labels)],
    ['Data', data],
    ['Driver', kind === 'secrets' ? driverJSON(spec.Driver, spec.DriverOptions) : undefined],
    ['Templating', driverJSON(spec.Templating)],
  ]).text;
}

/** POST /{kind}/create with the spec in the body; the new object's ID. */
export async function createObject(engine: Engine, kind: 'secrets' | 'configs', spec: SecretSpecInput): Promise<string> {
  const { value } = await engine.request<{ ID?: string } | undefined>({
    method: 'POST',
    path: `/${kind}/create`,
    bodyJSON: specJSON(kind, spec),
  });
  return value?.ID ?? '';
}

/** POST /{kind}/{id}/update?version=N with the whole spec (the daemon only takes label changes). */
export async function updateObject(engine: Engine, kind: 'secrets' | 'configs', id: string, version: number, spec: SecretSpecInput): Promise<void> {
  await engine.request({
    method: 'POST',
    path: `/${kind}/${trimID(kind === 'configs' ? 'config' : 'secret', id)}/update`,
    query: { version: String(version) },
    bodyJSON: specJSON(kind, spec),
  });
}

export const listSecrets = (engine: Engine, filters: Filters): Promise<SwarmSecret[]> => listObjects<SwarmSecret>(engine, 'secrets', filters);
export const inspectSecret = (engine: Engine, ref: string): Promise<Raw<SwarmSecret>> => inspectObject<SwarmSecret>(engine, 'secrets', ref);
export const removeSecret = (engine: Engine, ref: string): Promise<void> => removeObject(engine, 'secrets', ref);
export const createSecret = (engine: Engine, spec: SecretSpecInput): Promise<string> => createObject(engine, 'secrets', spec);
