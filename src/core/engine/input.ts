import { gunzipSync } from 'zlib';
import { toConfigurationItem } from './configuration-item';
import { ConfigurationItem } from './types';
import { asRecord, asString } from './values';

/** Input the engine cannot read; the message says what is wrong, in one line. */
export class InputError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];

/** JSON from plain or gzip-compressed bytes. */
export function decodeJson(bytes: Uint8Array): unknown {
  let text: string;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch (error) {
      throw new InputError(`gzip data is corrupt (${(error as Error).message})`);
    }
  } else {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
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

/** The configuration item of a Config notification (an invokingEvent, or an EventBridge detail). */
function notificationItem(notification: Record<string, unknown>, where: string): Iterable<ConfigurationItem> {
  const messageType = asString(notification.messageType);
  if (messageType === 'OversizedConfigurationItemChangeNotification') {
    throw new InputError(`${where} is an oversized-item notification, which carries no configuration; fetch the item with "aws configservice get-resource-config-history"`);
  }
  if (messageType === 'ScheduledNotification') {
    throw new InputError(`${where} is a periodic (ScheduledNotification) event, which carries no configuration item`);
  }
  if (notification.configurationItem === undefined) {
    throw new InputError(`${where} has no configurationItem`);
  }
  return itemsOf([notification.configurationItem], `${where}.configurationItem`);
}

/**
 * The configuration items of any input the engine accepts: one item; an array of them; a Config
 * snapshot or resource history (`{"configurationItems": [...]}`); a custom-rule invocation event
 * (`invokingEvent` as a JSON string), or its decoded invokingEvent; an EventBridge "Config Configuration
 * Item Change" event. The shape of the document is checked at once; the items of a list are read
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
  if (typeof record.invokingEvent === 'string') {
    let invokingEvent: unknown;
    try {
      invokingEvent = JSON.parse(record.invokingEvent);
    } catch (error) {
      throw new InputError(`invokingEvent is not valid JSON (${(error as Error).message})`);
    }
    return notificationItem(asRecord(invokingEvent) ?? {}, 'invokingEvent');
  }
  const detail = asRecord(record.detail);
  if (record.source === 'aws.config' && detail) {
    return notificationItem(detail, 'detail');
  }
  if (record.configurationItem !== undefined || typeof record.messageType === 'string') {
    return notificationItem(record, 'notification');
  }
  const item = toConfigurationItem(record);
  if (item) {
    return [item];
  }
  throw new InputError('no configuration items found: expected a configuration item, an array of them, a Config snapshot, a custom-rule invocation event or an EventBridge Configuration Item Change event');
}

/** The configuration items in a file's bytes (JSON, plain or gzip). */
export function parseConfigurationItems(bytes: Uint8Array): Iterable<ConfigurationItem> {
  return extractConfigurationItems(decodeJson(bytes));
}
