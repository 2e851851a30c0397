import { ManifestError, manifestLink, ManifestLink, ManifestObject, parseManifest, ReportManifest } from './manifest';
import { isDatedManifestKey, LATEST_MANIFEST_KEY } from '../storage/report-layout';

/** A copy of the reports bucket (`aws s3 sync`), seen through what the caller passes in. */
export interface ReportFolder {
  /** Every file's key, relative to the folder, with `/` between the parts. */
  readonly keys: readonly string[];
  /** A whole file: used for manifests only, which are small. */
  read(key: string): Promise<Uint8Array>;
  /** A file's SHA-256 and size, read as a stream. */
  digest(key: string): Promise<ManifestObject>;
}

/** What `verifyReportChain` found: the chain intact, or the first file or link that does not match, in one line. */
export type ChainVerdict =
  | {
    readonly intact: true;
    readonly manifests: number;
    readonly files: number;
    /** The newest manifest: compare its SHA-256 with one kept outside the bucket to tell that no run was removed at the end. */
    readonly newest: ManifestLink;
    /** Files of the folder that no manifest lists. */
    readonly unlisted: readonly string[];
  }
  | { readonly intact: false; readonly mismatch: string };

/** A folder that holds no manifest at all: not a reports folder, or one from before manifests. */
export class NoManifestError extends Error {}

interface ChainLink {
  readonly key: string;
  readonly link: ManifestLink;
  readonly manifest: ReportManifest;
}

/** What is wrong with the link from `current` back to `before`, or undefined when it holds. */
function brokenLink(current: ChainLink, before: ChainLink | undefined, keys: ReadonlySet<string>): string | undefined {
  const named = current.manifest.previous;
  const expected = before?.link;
  if (named === null) {
    return expected && `link broken: ${current.key} starts a new chain, but ${expected.key} comes before it`;
  }
  const namedFile = keys.has(named.key) ? named.key : `${named.key}, which is missing`;
  if (expected === undefined) {
    return `link broken: ${current.key} links to ${namedFile}, but no manifest comes before it`;
  }
  if (named.key !== expected.key) {
    return `link broken: ${current.key} links to ${namedFile}, but the manifest before it is ${expected.key}`;
  }
  if (named.sha256 !== expected.sha256) {
    return `link broken: ${current.key} links to ${expected.key} with sha256 ${named.sha256}, but that file's sha256 is ${expected.sha256}`;
  }
  return undefined;
}

/** What is wrong with one listed file, or undefined when its bytes are the ones listed. */
async function changedFile(folder: ReportFolder, keys: ReadonlySet<string>, listed: ManifestObject, by: string): Promise<string | undefined> {
  if (!keys.has(listed.key)) {
    return `${listed.key}: missing (listed in ${by})`;
  }
  const actual = await folder.digest(listed.key);
  if (actual.sha256 === listed.sha256 && actual.bytes === listed.bytes) {
    return undefined;
  }
  return `${listed.key}: changed (sha256 ${actual.sha256}, ${actual.bytes} bytes; ${by} lists sha256 ${listed.sha256}, ${listed.bytes} bytes)`;
}

async function readChain(folder: ReportFolder, manifestKeys: readonly string[]): Promise<ChainLink[] | string> {
  const chain: ChainLink[] = [];
  for (const key of manifestKeys) {
    const bytes = await folder.read(key);
    try {
      chain.push({ key, link: manifestLink(key, bytes), manifest: parseManifest(bytes) });
    } catch (error) {
      if (error instanceof ManifestError) {
        return `${key}: not a manifest: ${error.message}`;
      }
      throw error;
    }
  }
  return chain;
}

/**
 * Checks a reports folder against its manifests, first mismatch first: the links, from the first
 * manifest on (each proves its predecessor's bytes, so a changed manifest is named by its
 * successor's link before its own list is trusted); then every dated file each manifest lists; then
 * the latest copies, against the newest manifest only, since every run overwrites them.
 */
export async function verifyReportChain(folder: ReportFolder): Promise<ChainVerdict> {
  const keys = new Set(folder.keys);
  // Dated keys sort as the runs were taken.
  const manifestKeys = folder.keys.filter(isDatedManifestKey).sort();
  if (manifestKeys.length === 0 && !keys.has(LATEST_MANIFEST_KEY)) {
    throw new NoManifestError(`no manifest (reports/YYYY/MM/DD/compliance-report-*.manifest.json or ${LATEST_MANIFEST_KEY})`);
  }
  const chain = await readChain(folder, manifestKeys);
  if (typeof chain === 'string') {
    return { intact: false, mismatch: chain };
  }
  for (let i = 0; i < chain.length; i++) {
    const mismatch = brokenLink(chain[i], chain[i - 1], keys)
      ?? (chain[i].manifest.key === chain[i].key ? undefined : `${chain[i].key}: names itself ${chain[i].manifest.key}`);
    if (mismatch) {
      return { intact: false, mismatch };
    }
  }
  const vouched = new Set<string>();
  const check = async (objects: readonly ManifestObject[], by: string): Promise<string | undefined> => {
    for (const object of objects) {
      const mismatch = await changedFile(folder, keys, object, by);
      if (mismatch) {
        return mismatch;
      }
      vouched.add(object.key);
    }
    return undefined;
  };
  for (const { key, manifest } of chain) {
    const mismatch = await check(manifest.objects, key);
    if (mismatch) {
      return { intact: false, mismatch };
    }
  }
  const newest = chain.at(-1);
  if (newest === undefined) {
    return { intact: false, mismatch: `${LATEST_MANIFEST_KEY}: the dated manifest it copies is missing` };
  }
  const latestMismatch = !keys.has(LATEST_MANIFEST_KEY) ? `${LATEST_MANIFEST_KEY}: missing (the copy of the newest manifest, ${newest.key})`
    : manifestLink(LATEST_MANIFEST_KEY, await folder.read(LATEST_MANIFEST_KEY)).sha256 !== newest.link.sha256
      ? `${LATEST_MANIFEST_KEY}: not a copy of the newest manifest, ${newest.key}`
      : await check(newest.manifest.latest, newest.key);
  if (latestMismatch) {
    return { intact: false, mismatch: latestMismatch };
  }
  const manifests = new Set([...manifestKeys, LATEST_MANIFEST_KEY]);
  return {
    intact: true,
    manifests: chain.length,
    files: vouched.size,
    newest: newest.link,
    unlisted: folder.keys.filter((key) => !vouched.has(key) && !manifests.has(key)).sort(),
  };
}
