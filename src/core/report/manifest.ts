import { createHash, Hash } from 'crypto';

/**
 * A report run's manifest: every object the run wrote, with its SHA-256 and size, and the SHA-256 of
 * the manifest before it, so that the manifests form a chain. A changed byte in a listed object
 * changes its hash; a changed, removed or reordered manifest breaks its successor's link.
 */
export const MANIFEST_VERSION = 1;

/** An object as written: its key, the SHA-256 of its bytes (lowercase hex) and their number. */
export interface ManifestObject {
  readonly key: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The manifest before: its key and the SHA-256 of its bytes as stored. */
export interface ManifestLink {
  readonly key: string;
  readonly sha256: string;
}

export interface ReportManifest {
  readonly manifestVersion: typeof MANIFEST_VERSION;
  /** The manifest's own dated key: its copy at the latest key says where the original is. */
  readonly key: string;
  /** When the report was taken (ISO 8601). */
  readonly generatedAt: string;
  /** The dated objects, which no later run overwrites: every manifest of the chain vouches for its own. */
  readonly objects: readonly ManifestObject[];
  /** The `latest.*` copies the run wrote: the next run overwrites them, so only the newest manifest vouches for them. */
  readonly latest: readonly ManifestObject[];
  /** null for the first manifest of a chain. */
  readonly previous: ManifestLink | null;
}

/** A manifest that cannot be read: the message says what is wrong, without the file's name. */
export class ManifestError extends Error {}

/** The SHA-256 and size of an object, updated with each stretch as it is written or read. */
export class ObjectDigest {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  update(chunk: string | Uint8Array): this {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.hash.update(bytes);
    this.bytes += bytes.length;
    return this;
  }

  /** The object's entry; the digest takes no more updates. */
  of(key: string): ManifestObject {
    return { key, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

/** The link a successor records to the manifest stored as `bytes` under `key`. */
export function manifestLink(key: string, bytes: Uint8Array): ManifestLink {
  const { sha256 } = new ObjectDigest().update(bytes).of(key);
  return { key, sha256 };
}

function byKey(a: ManifestObject, b: ManifestObject): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A manifest of the current version, its lists in key order: the same run gives the same manifest, whatever order its writes completed in. */
export function buildManifest(fields: Omit<ReportManifest, 'manifestVersion'>): ReportManifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    key: fields.key,
    generatedAt: fields.generatedAt,
    objects: [...fields.objects].sort(byKey),
    latest: [...fields.latest].sort(byKey),
    previous: fields.previous,
  };
}

/**
 * JSON with its members in code-unit order and no whitespace: for the strings, integers, null,
 * arrays and objects of a manifest, this is RFC 8785's canonical form, so anyone can rebuild the
 * bytes that were hashed.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The manifest's bytes as stored and hashed. */
export function serializeManifest(manifest: ReportManifest): string {
  return canonicalJson(manifest);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readString(record: Record<string, unknown>, name: string, where: string): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '') {
    throw new ManifestError(`${where}"${name}" must be a non-empty string`);
  }
  return value;
}

function readSha256(record: Record<string, unknown>, where: string): string {
  const value = readString(record, 'sha256', where);
  if (!SHA256_HEX.test(value)) {
    throw new ManifestError(`${where}"sha256" must be 64 lowercase hex digits`);
  }
  return value;
}

function readObjects(manifest: Record<string, unknown>, name: 'objects' | 'latest'): ManifestObject[] {
  const list = manifest[name];
  if (!Array.isArray(list)) {
    throw new ManifestError(`"${name}" must be a list`);
  }
  return list.map((entry: unknown, i) => {
    const where = `${name}[${i}]: `;
    if (!isRecord(entry)) {
      throw new ManifestError(`${where}must be an object`);
    }
    const bytes = entry.bytes;
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) {
      throw new ManifestError(`${where}"bytes" must be a whole number`);
    }
    return { key: readString(entry, 'key', where), sha256: readSha256(entry, where), bytes };
  });
}

/** Reads a manifest of this version; throws a ManifestError for anything else. */
export function parseManifest(bytes: Uint8Array): ReportManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new ManifestError(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(manifest)) {
    throw new ManifestError('not a manifest (a JSON object)');
  }
  if (manifest.manifestVersion !== MANIFEST_VERSION) {
    throw new ManifestError(`manifestVersion ${JSON.stringify(manifest.manifestVersion)} is not ${MANIFEST_VERSION}, the version this release reads`);
  }
  const previous = manifest.previous;
  if (previous !== null && !isRecord(previous)) {
    throw new ManifestError('"previous" must be null or {"key", "sha256"}');
  }
  return {
    manifestVersion: MANIFEST_VERSION,
    key: readString(manifest, 'key', ''),
    generatedAt: readString(manifest, 'generatedAt', ''),
    objects: readObjects(manifest, 'objects'),
    latest: readObjects(manifest, 'latest'),
    previous: previous === null ? null : { key: readString(previous, 'key', 'previous: '), sha256: readSha256(previous, 'previous: ') },
  };
}
