/**
 * The part of github.com/distribution/reference (as vendored by docker 28) that display code
 * needs: ParseNormalizedNamed and the familiar "name:tag" form without the digest, as
 * `service ls`, `service ps`, `node ps` and `stack ps` show images. Pure.
 */

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;

const referenceRegexp = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

/** A parsed, normalized named reference. */
export interface NamedReference {
  readonly domain: string;
  readonly path: string;
  readonly tag: string;
  readonly digest: string;
}

/** go-digest's Parse/Validate for the algorithms it registers (sha256, sha384, sha512). */
function validDigest(d: string): boolean {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return false;
  const size = { sha256: 64, sha384: 96, sha512: 128 }[d.slice(0, i)];
  if (size === undefined) return false;
  const encoded = d.slice(i + 1);
  return encoded.length === size && /^[a-f0-9]+$/.test(encoded);
}

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  } else if (/[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else {
    [domain, remote] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/** reference.ParseNormalizedNamed; undefined where Go returns an error. */
export function parseNormalizedNamed(s: string): NamedReference | undefined {
  if (anchoredIdentifierRegexp.test(s)) return undefined;
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return undefined;
  const m = referenceRegexp.exec(`${domain}/${remainder}`);
  if (!m) return undefined;
  const name = m[1] ?? '';
  const nm = anchoredNameRegexp.exec(name);
  const ref = nm ? { domain: nm[1] ?? '', path: nm[2] ?? '' } : { domain: '', path: name };
  if (ref.path.length > NAME_TOTAL_LENGTH_MAX) return undefined;
  const digest = m[3] ?? '';
  if (digest !== '' && !validDigest(digest)) return undefined;
  return { ...ref, tag: m[2] ?? '', digest };
}

/** reference.FamiliarName: docker.io and library/ dropped. */
export function familiarName(ref: Pick<NamedReference, 'domain' | 'path'>): string {
  if (ref.domain !== DEFAULT_DOMAIN) return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

/**
 * The image as task and service tables show it when truncating: a tagged reference becomes
 * its familiar "name:tag" (any digest dropped); anything else (no tag, unparsable) is
 * returned as given.
 */
export function imageWithoutDigest(image: string): string {
  let shown = shownImages.get(image);
  if (shown === undefined) {
    const ref = parseNormalizedNamed(image);
    shown = !ref || ref.tag === '' ? image : `${familiarName(ref)}:${ref.tag}`;
    // Tables repeat the same few images on every row: parse each once.
    if (shownImages.size < 10_000) shownImages.set(image, shown);
  }
  return shown;
}

const shownImages = new Map<string, string>();

/** reference.FamiliarString: the familiar name, then `:tag` and `@digest` when present. */
export function familiarString(ref: NamedReference): string {
  return familiarName(ref) + (ref.tag !== '' ? `:${ref.tag}` : '') + (ref.digest !== '' ? `@${ref.digest}` : '');
}

/**
 * The client's imageWithTagString (client/service_create.go): the familiar form with `:latest`
 * added when the reference has neither tag nor digest; "" when the image does not parse.
 */
export function imageWithTagString(image: string): string {
  const ref = parseNormalizedNamed(image);
  if (!ref) return '';
  return familiarString(ref.tag === '' && ref.digest === '' ? { ...ref, tag: 'latest' } : ref);
}

/**
 * The client's imageWithDigestString: a reference without a digest gets this one (its tag
 * kept); a reference that does not parse, already has a digest, or a malformed digest leaves
 * the image as given.
 */
export function imageWithDigestString(image: string, digest: string): string {
  const ref = parseNormalizedNamed(image);
  if (!ref || ref.digest !== '') return image;
  if (!new RegExp(`^${DIGEST}$`).test(digest)) return image;
  return familiarString({ ...ref, digest });
}
