import { Readable } from 'stream';
import { gzipSync } from 'zlib';
import { ConfigurationItem, InputError, readConfigurationItems } from '../../src/core/engine';
import { JsonStreamError, JsonStreamReader, StreamedList } from '../../src/core/engine/json-stream';
import { fixture } from '../support/fixtures';

/** What the reader gives a sink, in order. */
function streamed(text: string | Buffer, chunkSize: number): Array<[string, ...unknown[]]> {
  const seen: Array<[string, ...unknown[]]> = [];
  const reader = new JsonStreamReader({
    element: (list: StreamedList, index: number, value: unknown) => seen.push(['element', list, index, value]),
    rest: (value: unknown, streamedList: boolean) => seen.push(['rest', value, streamedList]),
  });
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let start = 0; start < bytes.length; start += chunkSize) {
    reader.write(bytes.subarray(start, start + chunkSize));
  }
  reader.end();
  return seen;
}

/** Strings that a byte scanner must not mistake for structure: quotes, escapes, brackets, multi-byte UTF-8. */
const TRICKY = ['a"b', 'back\\slash', 'ends with \\', '\\"', '{[}]', 'é漢字🙂', '\\\\"', ',:', '\u0000\n'];

describe('the reader finds each element, wherever the chunks split the bytes', () => {
  const snapshot = {
    fileVersion: '1.0',
    configSnapshotId: 'x',
    configurationItems: TRICKY.map((text, index) => ({
      resourceType: 'AWS::S3::Bucket', resourceId: `b-${index}`, tags: { [text]: text }, configuration: { nested: [[{ text }], [], {}], n: -1.5e3, t: true, z: null },
    })),
    after: { list: [1, 2], text: 'x]' },
  };
  const text = JSON.stringify(snapshot, null, 1);

  test.each([1, 2, 3, 7, 64, 1024 * 1024])('in chunks of %i bytes', (chunkSize) => {
    const { configurationItems, ...rest } = snapshot;
    expect(streamed(text, chunkSize)).toEqual([
      ...configurationItems.map((item, index) => ['element', 'configurationItems', index, item]),
      ['rest', rest, true],
    ]);
  });

  test('a top-level array, with scalars and strings among its elements', () => {
    const list = [{ a: '}' }, 12, 'x"y', null, false, [1, [2]], -0.5];
    for (const chunkSize of [1, 5, 100]) {
      expect(streamed(JSON.stringify(list), chunkSize)).toEqual([...list.map((value, index) => ['element', 'root', index, value]), ['rest', undefined, true]]);
    }
  });

  test('select-resource-config Results, strings of JSON', () => {
    expect(streamed('{"Results": ["{\\"a\\":1}", "b"], "QueryInfo": {}}', 3)).toEqual([
      ['element', 'Results', 0, '{"a":1}'], ['element', 'Results', 1, 'b'], ['rest', { QueryInfo: {} }, true],
    ]);
  });

  test('empty lists and objects, and members that are not lists', () => {
    expect(streamed('[]', 1)).toEqual([['rest', undefined, true]]);
    expect(streamed(' { } ', 1)).toEqual([['rest', {}, false]]);
    expect(streamed('{"configurationItems": []}', 4)).toEqual([['rest', {}, true]]);
    expect(streamed('{"configurationItems": null, "Results": 3}', 4)).toEqual([['rest', { configurationItems: null, Results: 3 }, false]]);
  });

  test.each([['42', 42], ['"text"', 'text'], ['true', true], ['-1.5e2 ', -150]])('a top-level scalar %s is the rest', (json, value) => {
    expect(streamed(json, 1)).toEqual([['rest', value, false]]);
  });
});

describe('malformed JSON is a JsonStreamError, with where it is', () => {
  test.each([
    ['', /^Unexpected end of JSON input$/],
    ['{"configurationItems": [', /^Unexpected end of JSON input$/],
    ['{"configurationItems": [{"a": 1}', /^Unexpected end of JSON input$/],
    ['[1, 2,]', /^Unexpected character "]" in JSON at position 6$/],
    ['{"a": 1,}', /^Unexpected character "}" in JSON at position 8$/],
    ['{"a" 1}', /^Unexpected character "1" in JSON at position 5$/],
    ['{"a": 1} x', /^Unexpected character "x" in JSON at position 9$/],
    ['[{"a": 1} {"b": 2}]', /^Unexpected character "{" in JSON at position 10$/],
    ['{a: 1}', /^Unexpected character "a" in JSON at position 1$/],
    ['[{"a": tru}]', / in item\[0\]$/],
    ['{"configurationItems": [{"a": 1}, {"b": }]}', / in configurationItems\[1\]$/],
    ['{"x": [1, }', / in "x"$/],
  ])('%j', (json, message) => {
    for (const chunkSize of [1, 1000]) {
      expect(() => streamed(json, chunkSize)).toThrow(JsonStreamError);
      expect(() => streamed(json, chunkSize)).toThrow(message);
    }
  });
});

describe('readConfigurationItems', () => {
  const read = async (chunks: Buffer[]) => {
    const items: ConfigurationItem[] = [];
    await readConfigurationItems(Readable.from(chunks), (item) => items.push(item));
    return items.map((item) => `${item.resourceType} ${item.resourceId}`);
  };
  const snapshot = Buffer.from(JSON.stringify(fixture('snapshot/awsdocs-config-snapshot-example.json')));

  test('plain, gzip, split gzip and with a byte-order mark give the same items', async () => {
    const expected = ['AWS::EC2::Volume vol-ce676ccc', 'AWS::EC2::Instance i-344c463d'];
    const gzip = gzipSync(snapshot);
    expect(await read([snapshot])).toEqual(expected);
    expect(await read([gzip])).toEqual(expected);
    expect(await read([gzip.subarray(0, 10), gzip.subarray(10)])).toEqual(expected);
    expect(await read([Buffer.from([0xef, 0xbb, 0xbf]), snapshot])).toEqual(expected);
    expect(await read([Uint8Array.from(snapshot) as Buffer])).toEqual(expected);
  });

  test('the small shapes are read whole: an SNS notification, an event', async () => {
    const sns = Buffer.from(JSON.stringify(fixture('sns-notifications/awsdocs-ci-change-security-group-created.sns.json')));
    expect(await read([sns])).toEqual(['AWS::EC2::SecurityGroup sg-3f1fef43']);
  });

  test.each([
    ['a list element that is not an item', '[{"resourceType": "AWS::S3::Bucket"}]', 'item[0] is not a configuration item (it needs resourceType and resourceId)'],
    ['a snapshot element that is not an item', '{"configurationItems": [null]}', 'configurationItems[0] is not a configuration item (it needs resourceType and resourceId)'],
    ['malformed JSON', '{"configurationItems": [', 'not valid JSON (Unexpected end of JSON input)'],
    ['corrupt gzip', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4]), /^gzip data is corrupt \(/],
    ['no input at all', '', 'not valid JSON (Unexpected end of JSON input)'],
  ])('%s is an InputError', async (_, input, message) => {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    await expect(read(bytes.length > 0 ? [bytes] : [])).rejects.toThrow(InputError);
    await expect(read(bytes.length > 0 ? [bytes] : [])).rejects.toThrow(message);
  });

  test('an error of the source is passed on as it is', async () => {
    const failing = (async function* () {
      yield gzipSync(snapshot).subarray(0, 10);
      throw Object.assign(new Error('disk gone'), { code: 'EIO' });
    })();
    await expect(readConfigurationItems(failing, () => undefined)).rejects.toThrow('disk gone');
  });
});
