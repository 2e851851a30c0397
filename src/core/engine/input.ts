import { Readable } from 'stream';
import { createGunzip, gunzipSync } from 'zlib';
import { toConfigurationItem } from './configuration-item';
import { JsonStreamError, JsonStreamReader, StreamedList } from './json-stream';
import { ConfigurationItem } from './types';
import { asRecord, asRecordOrJson, asString } from './values';

/** Input the engine cannot read; the message says what is wrong, in one line. */
export class InputError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];
/** UTF-8's byte-order mark, which editors on Windows write; JSON.parse refuses it. */
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The bytes without a leading UTF-8 byte-order mark. */
function withoutByteOrderMark<T extends Uint8Array>(bytes: T): T {
  return startsWith(bytes, BYTE_ORDER_MARK) ? bytes.subarray(BYTE_ORDER_MARK.length) as T : bytes;
}

/** JSON from plain or gzip-compressed bytes. */
export function decodeJson(bytes: Uint8Array): unknown {
  let plain: Uint8Array = bytes;
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      plain = gunzipSync(bytes);
    } catch (error) {
      throw new InputError(`gzip data is corrupt (${(error as Error).message})`);
    }
  }
  plain = withoutByteOrderMark(plain);
  const text = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`);
  }
}

/**
 * The items of a list, each read as it is reached: an evaluation meets an item while its memory is
 * still in the processor's caches, and no second list of 100,000 items is built.
 */
function* itemsOf(list: readonly unknown[], where: string): Generator<ConfigurationItem> {
  for (let index = 0; index < list.length; index++) {
    const item = toConfigurationItem(list[index]);
    if (!item) {
      throw new InputError(`${where}[${index}] is not a configuration item (it needs resourceType and resourceId)`);
    }
    yield item;
  }
}

/**
 * The item an oversized-item notification summarizes: its resource, status and time, without its
 * configuration, which Config delivered to S3 instead; the engine reports it as having no verdict.
 */
function oversizedItem(notification: Record<string, unknown>, where: string): ConfigurationItem {
  const item = toConfigurationItem(notification.configurationItemSummary);
  if (!item) {
    throw new InputError(`${where} is an oversized-item notification without a configurationItemSummary naming the resource`);
  }
  const location = asString(asRecord(notification.s3DeliverySummary)?.s3BucketLocation);
  return { ...item, configurationLocation: location ? `s3://${location}` : 'the S3 bucket of the delivery channel' };
}

/** The configuration items of a Config notification (an invokingEvent, an EventBridge detail, an SNS message). */
function notificationItems(notification: Record<string, unknown>, where: string): Iterable<ConfigurationItem> {
  const messageType = asString(notification.messageType);
  if (messageType === 'OversizedConfigurationItemChangeNotification') {
    return [oversizedItem(notification, where)];
  }
  if (messageType === 'ScheduledNotification') {
    throw new InputError(`${where} is a periodic (ScheduledNotification) event, which carries no configuration item`);
  }
  if (notification.configurationItem === undefined) {
    throw new InputError(messageType === undefined || messageType === 'ConfigurationItemChangeNotification'
      ? `${where} has no configurationItem`
      : `${where} is a ${messageType} message, which carries no configuration item`);
  }
  // The oldest notifications (2014's examples) carry a list of items.
  const items = Array.isArray(notification.configurationItem) ? notification.configurationItem : [notification.configurationItem];
  return itemsOf(items, `${where}.configurationItem`);
}

/** The message of an SNS notification: JSON text as SNS delivers it, or the object AWS's examples show. */
function snsMessage(envelope: Record<string, unknown>): Record<string, unknown> {
  const message = typeof envelope.Message === 'string' ? decodedMessage(envelope.Message) : asRecord(envelope.Message);
  if (!message) {
    throw new InputError('Message of the SNS notification is not a Config message (a JSON object)');
  }
  return message;
}

function decodedMessage(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch (error) {
    throw new InputError(`Message of the SNS notification is not valid JSON (${(error as Error).message})`);
  }
}

/** One result of select-resource-config: an item as JSON text, with the fields the query selected. */
function selectedItem(result: unknown, where: string): ConfigurationItem {
  const item = toConfigurationItem(typeof result === 'string' ? asRecordOrJson(result) : result);
  if (!item) {
    throw new InputError(`${where} is not a configuration item: select resourceType and resourceId (SELECT resourceType, resourceId, configuration, supplementaryConfiguration, tags ...)`);
  }
  return item;
}

/**
 * The configuration items of any input the engine accepts: one item; an array of them; a Config
 * snapshot or resource history (`{"configurationItems": [...]}`); select-resource-config output
 * (`{"Results": ["{...}", ...]}`); a custom-rule invocation event (`invokingEvent` as a JSON
 * string), or its decoded invokingEvent; an EventBridge "Config Configuration Item Change" event; an
 * SNS notification of the delivery channel's topic (`Message` as JSON text). The shape of the document is checked at once; the items of a list are read
 * as they are iterated, so an entry that is not a configuration item throws an InputError then.
 */
export function extractConfigurationItems(document: unknown): Iterable<ConfigurationItem> {
  if (Array.isArray(document)) {
    return itemsOf(document, 'item');
  }
  const record = asRecord(document);
  if (!record) {
    throw new InputError('expected a JSON object or array');
  }
  if (Array.isArray(record.configurationItems)) {
    return itemsOf(record.configurationItems, 'configurationItems');
  }
  if (Array.isArray(record.Results)) {
    return record.Results.map((result, index) => selectedItem(result, `Results[${index}]`));
  }
  if (record.Type === 'Notification' && record.Message !== undefined) {
    return notificationItems(snsMessage(record), 'Message');
  }
  if (typeof record.invokingEvent === 'string') {
    let invokingEvent: unknown;
    try {
      invokingEvent = JSON.parse(record.invokingEvent);
    } catch (error) {
      throw new InputError(`invokingEvent is not valid JSON (${(error as Error).message})`);
    }
    return notificationItems(asRecord(invokingEvent) ?? {}, 'invokingEvent');
  }
  const detail = asRecord(record.detail);
  if (record.source === 'aws.config' && detail) {
    return notificationItems(detail, 'detail');
  }
  if (record.configurationItem !== undefined || typeof record.messageType === 'string') {
    return notificationItems(record, 'notification');
  }
  const item = toConfigurationItem(record);
  if (item) {
    return [item];
  }
  throw new InputError('no configuration items found: expected a configuration item, an array of them, a Config snapshot or resource history, select-resource-config output, a custom-rule invocation event, an EventBridge Configuration Item Change event or an SNS notification of Config');
}

/** The configuration items in a file's bytes (JSON, plain or gzip). */
export function parseConfigurationItems(bytes: Uint8Array): Iterable<ConfigurationItem> {
  return extractConfigurationItems(decodeJson(bytes));
}

/** A chunk as a Buffer, without a copy. */
function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Bytes as they come, gunzipped when they start with gzip's magic bytes. */
async function* decompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    return;
  }
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (!startsWith(first.value, GZIP_MAGIC)) {
    yield asBuffer(first.value);
    for await (const chunk of rest) {
      yield asBuffer(chunk);
    }
    return;
  }
  // Chunks of 256 KB, not zlib's 16 KB: fewer chunks, fewer items that span two.
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  Readable.from((async function* () {
    yield first.value;
    yield* rest;
  })()).on('error', (error) => gunzip.destroy(error)).pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      yield chunk as Buffer;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code?.startsWith('Z_') ? new InputError(`gzip data is corrupt (${(error as Error).message})`) : error;
  }
}

/** Where an element of a streamed list is, for messages. */
const LIST_NAMES: Readonly<Record<StreamedList, string>> = { root: 'item', configurationItems: 'configurationItems', Results: 'Results' };

/**
 * Reads the configuration items of a stream of bytes (JSON, plain or gzip, with or without a UTF-8
 * byte-order mark) of any length, in bounded memory, giving each item to `onItem` as it is read.
 * Accepts every shape `extractConfigurationItems` accepts; the big lists (a snapshot's or a history's
 * configurationItems, select-resource-config's Results, a top-level array) are read element by
 * element. Throws an InputError for input that is not JSON or holds no items.
 */
export async function readConfigurationItems(chunks: AsyncIterable<Uint8Array>, onItem: (item: ConfigurationItem) => void): Promise<void> {
  const reader = new JsonStreamReader({
    element: (list, index, value) => {
      const where = `${LIST_NAMES[list]}[${index}]`;
      if (list === 'Results') {
        onItem(selectedItem(value, where));
        return;
      }
      const item = toConfigurationItem(value);
      if (!item) {
        throw new InputError(`${where} is not a configuration item (it needs resourceType and resourceId)`);
      }
      onItem(item);
    },
    rest: (value, streamedList) => {
      if (!streamedList) {
        for (const item of extractConfigurationItems(value)) {
          onItem(item);
        }
      }
    },
  });
  let first = true;
  try {
    for await (const chunk of decompressed(chunks)) {
      reader.write(first ? withoutByteOrderMark(chunk) : chunk);
      first = false;
    }
    reader.end();
  } catch (error) {
    if (error instanceof JsonStreamError) {
      throw new InputError(`not valid JSON (${error.message})`);
    }
    throw error;
  }
}
