import { createHash } from 'crypto';
import { buildManifest, ManifestError, manifestLink, ObjectDigest, parseManifest, ReportManifest, serializeManifest } from '../../src/core/report/manifest';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const JSON_KEY = 'reports/2026/11/23/compliance-report-2026-11-23T10-00-00-000Z.json';
const CSV_KEY = 'reports/2026/11/23/compliance-report-2026-11-23T10-00-00-000Z.csv';
const MANIFEST_KEY = 'reports/2026/11/23/compliance-report-2026-11-23T10-00-00-000Z.manifest.json';
const PREVIOUS_KEY = 'reports/2026/11/22/compliance-report-2026-11-22T10-00-00-000Z.manifest.json';

const manifest = (): ReportManifest => buildManifest({
  key: MANIFEST_KEY,
  generatedAt: '2026-11-23T10:00:00.000Z',
  objects: [{ key: JSON_KEY, sha256: sha256('{}'), bytes: 2 }, { key: CSV_KEY, sha256: sha256('a,b'), bytes: 3 }],
  latest: [{ key: 'reports/latest.json', sha256: sha256('{}'), bytes: 2 }],
  previous: { key: PREVIOUS_KEY, sha256: sha256('before') },
});

describe('the digest of an object written in stretches', () => {
  test('is the SHA-256 of the whole, and counts its bytes, a string\'s in UTF-8', () => {
    const digest = new ObjectDigest().update('a').update(Buffer.from('b')).update('c');
    // FIPS 180-2's example of "abc".
    expect(digest.of('k')).toEqual({ key: 'k', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
    expect(new ObjectDigest().update('é€').update('').of('k')).toEqual({ key: 'k', sha256: sha256('é€'), bytes: 5 });
  });

  test('of nothing is the SHA-256 of no bytes', () => {
    expect(new ObjectDigest().of('empty')).toEqual({ key: 'empty', sha256: sha256(''), bytes: 0 });
  });

  test('a link is the key and the SHA-256 of the bytes as stored', () => {
    expect(manifestLink(PREVIOUS_KEY, Buffer.from('before'))).toEqual({ key: PREVIOUS_KEY, sha256: sha256('before') });
  });
});

describe('a manifest', () => {
  test('is canonical JSON: members in code-unit order, no whitespace, lists in key order', () => {
    expect(serializeManifest(manifest())).toBe(
      `{"generatedAt":"2026-11-23T10:00:00.000Z","key":"${MANIFEST_KEY}","latest":[{"bytes":2,"key":"reports/latest.json","sha256":"${sha256('{}')}"}],` +
      '"manifestVersion":1,' +
      `"objects":[{"bytes":3,"key":"${CSV_KEY}","sha256":"${sha256('a,b')}"},{"bytes":2,"key":"${JSON_KEY}","sha256":"${sha256('{}')}"}],` +
      `"previous":{"key":"${PREVIOUS_KEY}","sha256":"${sha256('before')}"}}`);
  });

  test('the same run gives the same bytes, whatever order its writes completed in', () => {
    const reordered = buildManifest({ ...manifest(), objects: [...manifest().objects].reverse() });
    expect(serializeManifest(reordered)).toBe(serializeManifest(manifest()));
  });

  test('escapes what JSON escapes, so a key with quotes or control characters reads back as it was', () => {
    const odd = buildManifest({ ...manifest(), objects: [{ key: 'reports/"a"\\\n\u2028.json', sha256: sha256(''), bytes: 0 }] });
    expect(parseManifest(Buffer.from(serializeManifest(odd)))).toEqual(odd);
  });

  test('reads back as it was written, first of a chain or not', () => {
    for (const written of [manifest(), buildManifest({ ...manifest(), previous: null })]) {
      expect(parseManifest(Buffer.from(serializeManifest(written)))).toEqual(written);
    }
  });

  const edited = (change: (document: any) => void): Buffer => {
    const document = JSON.parse(serializeManifest(manifest()));
    change(document);
    return Buffer.from(JSON.stringify(document));
  };

  test.each([
    ['not JSON', Buffer.from('{"manifestVersion":'), /^not valid JSON \(/],
    ['a list', Buffer.from('[]'), /^not a manifest \(a JSON object\)$/],
    ['another version', edited((document) => { document.manifestVersion = 2; }), /^manifestVersion 2 is not 1, the version this release reads$/],
    ['no version', edited((document) => { delete document.manifestVersion; }), /^manifestVersion undefined is not 1/],
    ['no previous', edited((document) => { delete document.previous; }), /^"previous" must be null or \{"key", "sha256"\}$/],
    ['a previous without its hash', edited((document) => { delete document.previous.sha256; }), /^previous: "sha256" must be a non-empty string$/],
    ['an upper-case hash', edited((document) => { document.objects[0].sha256 = document.objects[0].sha256.toUpperCase(); }), /^objects\[0\]: "sha256" must be 64 lowercase hex digits$/],
    ['a short hash', edited((document) => { document.latest[0].sha256 = 'abc'; }), /^latest\[0\]: "sha256" must be 64 lowercase hex digits$/],
    ['a negative size', edited((document) => { document.objects[1].bytes = -1; }), /^objects\[1\]: "bytes" must be a whole number$/],
    ['a size in a string', edited((document) => { document.objects[1].bytes = '3'; }), /^objects\[1\]: "bytes" must be a whole number$/],
    ['an object without a key', edited((document) => { delete document.objects[0].key; }), /^objects\[0\]: "key" must be a non-empty string$/],
    ['objects that are not a list', edited((document) => { document.objects = {}; }), /^"objects" must be a list$/],
    ['no latest', edited((document) => { delete document.latest; }), /^"latest" must be a list$/],
    ['no key of its own', edited((document) => { delete document.key; }), /^"key" must be a non-empty string$/],
  ])('that is %s is refused, saying why', (_, bytes, message) => {
    expect(() => parseManifest(bytes)).toThrow(ManifestError);
    expect(() => parseManifest(bytes)).toThrow(message);
  });
});
