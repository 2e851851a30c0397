import { createHash } from 'crypto';
import { buildManifest, ManifestLink, ManifestObject, serializeManifest } from '../../src/core/report/manifest';
import { NoManifestError, ReportFolder, verifyReportChain } from '../../src/core/report/manifest-chain';
import { LATEST_HTML_KEY, LATEST_MANIFEST_KEY, LATEST_REPORT_KEY, reportKey } from '../../src/core/storage/report-layout';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const RUNS = ['2026-11-23T10:00:00.000Z', '2026-11-24T10:00:00.000Z', '2026-12-01T10:00:00.000Z'].map((time) => new Date(time));
const manifestOf = (run: number) => reportKey(RUNS[run], 'manifest.json');

/** A folder as the aggregator leaves it after `RUNS`: each run's renderings, its manifest linked to the one before, its latest copies. */
function bucket(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const entry = (key: string, bytes: Buffer, as = key): ManifestObject => ({ key: as, sha256: sha256(bytes), bytes: bytes.length });
  let previous: ManifestLink | null = null;
  RUNS.forEach((timestamp, run) => {
    const objects = ['json', 'csv', 'html'].map((extension) => {
      const key = reportKey(timestamp, extension);
      files.set(key, Buffer.from(`${extension} of run ${run}`));
      return entry(key, files.get(key)!);
    });
    files.set(LATEST_REPORT_KEY, files.get(reportKey(timestamp))!);
    files.set(LATEST_HTML_KEY, files.get(reportKey(timestamp, 'html'))!);
    const key = manifestOf(run);
    const manifest = Buffer.from(serializeManifest(buildManifest({
      key,
      generatedAt: timestamp.toISOString(),
      objects,
      latest: [entry(LATEST_REPORT_KEY, files.get(LATEST_REPORT_KEY)!), entry(LATEST_HTML_KEY, files.get(LATEST_HTML_KEY)!)],
      previous,
    })));
    files.set(key, manifest);
    files.set(LATEST_MANIFEST_KEY, manifest);
    previous = { key, sha256: sha256(manifest) };
  });
  return files;
}

/** The folder through the interface the CLI implements with the file system; `digested` records what was hashed. */
function folderOf(files: Map<string, Buffer>, digested: string[] = []): ReportFolder {
  const file = (key: string) => {
    const bytes = files.get(key);
    if (bytes === undefined) {
      throw new Error(`read of ${key}, which is not in the folder`);
    }
    return bytes;
  };
  return {
    keys: [...files.keys()],
    read: async (key) => file(key),
    digest: async (key) => {
      digested.push(key);
      return { key, sha256: sha256(file(key)), bytes: file(key).length };
    },
  };
}

const verify = (files: Map<string, Buffer>) => verifyReportChain(folderOf(files));

/** `bytes` with one byte changed, at `at` (from the end when negative). */
function flipped(bytes: Buffer, at = 0): Buffer {
  const copy = Buffer.from(bytes);
  const index = at < 0 ? copy.length + at : at;
  copy[index] = (copy[index] + 1) % 256;
  return copy;
}

describe('an intact folder', () => {
  test('verifies every manifest and every file they list, and names the newest manifest with its hash', async () => {
    const files = bucket();
    const digested: string[] = [];

    expect(await verifyReportChain(folderOf(files, digested))).toEqual({
      intact: true,
      manifests: 3,
      files: 11,
      newest: { key: manifestOf(2), sha256: sha256(files.get(manifestOf(2))!) },
      unlisted: [],
    });
    // Every dated file once, then the latest copies: those of the newest manifest only.
    expect(digested).toEqual([
      ...RUNS.flatMap((timestamp) => ['csv', 'html', 'json'].map((extension) => reportKey(timestamp, extension))), LATEST_HTML_KEY, LATEST_REPORT_KEY,
    ]);
  });

  test('lists the files that no manifest vouches for, without failing', async () => {
    const files = bucket();
    files.set('reports/2026/11/01/compliance-report-2026-11-01T10-00-00-000Z.json', Buffer.from('from before manifests'));
    files.set('notes.txt', Buffer.from(''));

    expect(await verify(files)).toMatchObject({
      intact: true, files: 11, unlisted: ['notes.txt', 'reports/2026/11/01/compliance-report-2026-11-01T10-00-00-000Z.json'],
    });
  });

  test('of one run is a chain of one', async () => {
    // The first run's files, and the latest copies as it left them.
    const first = bucket();
    const onlyFirst = new Map([...first].filter(([key]) => key.includes('2026-11-23')));
    onlyFirst.set(LATEST_MANIFEST_KEY, first.get(manifestOf(0))!);
    onlyFirst.set(LATEST_REPORT_KEY, first.get(reportKey(RUNS[0]))!);
    onlyFirst.set(LATEST_HTML_KEY, first.get(reportKey(RUNS[0], 'html'))!);

    expect(await verify(onlyFirst)).toMatchObject({ intact: true, manifests: 1, files: 5, newest: { key: manifestOf(0) } });
  });
});

describe('the first mismatch, named in one line', () => {
  test.each<[string, string, number]>([
    ...RUNS.flatMap((timestamp, run) => ['json', 'csv', 'html'].map((extension): [string, string, number] => [`run ${run}'s ${extension}`, reportKey(timestamp, extension), run])),
    ['the latest JSON', LATEST_REPORT_KEY, 2],
    ['the latest HTML', LATEST_HTML_KEY, 2],
  ])('a changed byte in %s names the file, its hash and the manifest that lists it', async (_, key, run) => {
    const files = bucket();
    const original = files.get(key)!;
    files.set(key, flipped(original, -1));

    expect(await verify(files)).toEqual({
      intact: false,
      mismatch: `${key}: changed (sha256 ${sha256(files.get(key)!)}, ${original.length} bytes; ${manifestOf(run)} lists sha256 ${sha256(original)}, ${original.length} bytes)`,
    });
  });

  test('a file cut short', async () => {
    const files = bucket();
    const key = reportKey(RUNS[1], 'csv');
    files.set(key, files.get(key)!.subarray(1));

    expect(await verify(files)).toMatchObject({ intact: false, mismatch: expect.stringMatching(new RegExp(`^${key}: changed \\(sha256 [0-9a-f]{64}, 11 bytes; .* lists sha256 [0-9a-f]{64}, 12 bytes\\)$`)) });
  });

  test('a missing file', async () => {
    const files = bucket();
    files.delete(reportKey(RUNS[1], 'html'));

    expect(await verify(files)).toEqual({ intact: false, mismatch: `${reportKey(RUNS[1], 'html')}: missing (listed in ${manifestOf(1)})` });
  });

  test('a listed key outside the folder is missing, and nothing outside is read', async () => {
    const files = bucket();
    const escaping = buildManifest({
      key: manifestOf(0), generatedAt: RUNS[0].toISOString(), objects: [{ key: '../../etc/passwd', sha256: sha256(Buffer.from('')), bytes: 0 }], latest: [], previous: null,
    });
    files.set(manifestOf(0), Buffer.from(serializeManifest(escaping)));
    const digested: string[] = [];

    // The successor's link names the edit first; past it, the listed file is missing.
    expect((await verifyReportChain(folderOf(files, digested))).intact).toBe(false);
    const alone = new Map([[manifestOf(0), files.get(manifestOf(0))!], [LATEST_MANIFEST_KEY, files.get(manifestOf(0))!]]);
    expect(await verifyReportChain(folderOf(alone, digested))).toEqual({ intact: false, mismatch: `../../etc/passwd: missing (listed in ${manifestOf(0)})` });
    expect(digested).toEqual([]);
  });

  test('a changed manifest is named by its successor\'s link, before its own list is trusted', async () => {
    const files = bucket();
    const original = files.get(manifestOf(1))!;
    // A hash it lists, rewritten in canonical form to vouch for a rewritten report.
    const forged = JSON.parse(original.toString());
    forged.objects[0].sha256 = sha256(Buffer.from('forged'));
    files.set(manifestOf(1), Buffer.from(serializeManifest(forged)));

    expect(await verify(files)).toEqual({
      intact: false,
      mismatch: `link broken: ${manifestOf(2)} links to ${manifestOf(1)} with sha256 ${sha256(original)}, but that file's sha256 is ${sha256(files.get(manifestOf(1))!)}`,
    });
  });

  test('a removed manifest in the middle', async () => {
    const files = bucket();
    files.delete(manifestOf(1));

    expect(await verify(files)).toEqual({
      intact: false, mismatch: `link broken: ${manifestOf(2)} links to ${manifestOf(1)}, which is missing, but the manifest before it is ${manifestOf(0)}`,
    });
  });

  test('a removed first manifest', async () => {
    const files = bucket();
    files.delete(manifestOf(0));

    expect(await verify(files)).toEqual({
      intact: false, mismatch: `link broken: ${manifestOf(1)} links to ${manifestOf(0)}, which is missing, but no manifest comes before it`,
    });
  });

  test('a removed newest manifest: its copy is no copy of the one now newest', async () => {
    const files = bucket();
    files.delete(manifestOf(2));

    expect(await verify(files)).toEqual({ intact: false, mismatch: `${LATEST_MANIFEST_KEY}: not a copy of the newest manifest, ${manifestOf(1)}` });
  });

  test('a missing latest manifest', async () => {
    const files = bucket();
    files.delete(LATEST_MANIFEST_KEY);

    expect(await verify(files)).toEqual({ intact: false, mismatch: `${LATEST_MANIFEST_KEY}: missing (the copy of the newest manifest, ${manifestOf(2)})` });
  });

  test('a latest manifest without any dated one', async () => {
    const files = new Map([[LATEST_MANIFEST_KEY, bucket().get(LATEST_MANIFEST_KEY)!]]);

    expect(await verify(files)).toEqual({ intact: false, mismatch: `${LATEST_MANIFEST_KEY}: the dated manifest it copies is missing` });
  });

  test('swapped manifests', async () => {
    const files = bucket();
    const [second, third] = [files.get(manifestOf(1))!, files.get(manifestOf(2))!];
    files.set(manifestOf(1), third);
    files.set(manifestOf(2), second);

    expect(await verify(files)).toEqual({
      intact: false, mismatch: `link broken: ${manifestOf(1)} links to ${manifestOf(1)}, but the manifest before it is ${manifestOf(0)}`,
    });
  });

  test('a manifest moved to another date: its link holds, its own key does not', async () => {
    const files = bucket();
    const moved = reportKey(new Date('2026-12-31T10:00:00.000Z'), 'manifest.json');
    files.set(moved, files.get(manifestOf(2))!);
    files.delete(manifestOf(2));

    expect(await verify(files)).toEqual({ intact: false, mismatch: `${moved}: names itself ${manifestOf(2)}` });
  });

  test('a chain started again in the middle', async () => {
    const files = bucket();
    const restarted = buildManifest({
      key: manifestOf(2), generatedAt: RUNS[2].toISOString(), objects: [], latest: [], previous: null,
    });
    files.set(manifestOf(2), Buffer.from(serializeManifest(restarted)));

    expect(await verify(files)).toEqual({ intact: false, mismatch: `link broken: ${manifestOf(2)} starts a new chain, but ${manifestOf(1)} comes before it` });
  });

  test('a manifest that is not one', async () => {
    const files = bucket();
    files.set(manifestOf(1), flipped(files.get(manifestOf(1))!, 0));

    expect(await verify(files)).toEqual({ intact: false, mismatch: expect.stringMatching(new RegExp(`^${manifestOf(1)}: not a manifest: not valid JSON \\(`)) });
  });
});

test('a folder without any manifest is not a reports folder', async () => {
  const files = new Map([[reportKey(RUNS[0]), Buffer.from('{}')]]);

  await expect(verify(files)).rejects.toThrow(NoManifestError);
  await expect(verify(files)).rejects.toThrow(`no manifest (reports/YYYY/MM/DD/compliance-report-*.manifest.json or ${LATEST_MANIFEST_KEY})`);
});
