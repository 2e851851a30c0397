import { ConfigurationItem } from './types';
import { asArray, asRecord, asRecordOrJson, asString, asText, JsonRecord } from './values';

/**
 * Statuses of an item that no rule judges, with why: the resource no longer exists, or Config did not
 * record its configuration ("the recorder doesn't record resources of this type", as the
 * ConfigurationItem API reference says of ResourceNotRecorded). Every rule answers NOT_APPLICABLE.
 */
export const UNJUDGED_STATUSES: ReadonlyMap<string, string> = new Map([
  ['ResourceDeleted', 'Resource deleted'],
  ['ResourceDeletedNotRecorded', 'Resource deleted'],
  ['ResourceNotRecorded', 'Resource not recorded'],
]);

function allStrings(record: JsonRecord): boolean {
  for (const key in record) {
    if (typeof record[key] !== 'string') {
      return false;
    }
  }
  return true;
}

/** Tags as Config records them: an object in items, or a list of `{key, value}` in some configurations. */
function tagsOf(raw: JsonRecord): Record<string, string> {
  const tags = asRecord(raw.tags);
  if (tags) {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags)) {
      result[key] = asText(value);
    }
    return result;
  }
  const result: Record<string, string> = {};
  for (const tag of asArray(raw.tags)) {
    const entry = asRecord(tag);
    const key = asString(entry?.key ?? entry?.Key);
    if (key !== undefined) {
      result[key] = asText(entry?.value ?? entry?.Value);
    }
  }
  return result;
}

/** A JSON value decoded, or the text as it is when it is not JSON. */
function decodedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The supplementary configuration in the 1.3 shape. The API (get-resource-config-history, and what
 * it returns) writes `configuration` as a JSON string and supplementaryConfiguration as a "string
 * to string map" (ConfigurationItem API reference): each value is the JSON of the value a 1.3 item
 * holds, an object, a boolean, or a string (AccessControlList is itself JSON text in 1.3, so twice
 * encoded here). Each value of such an item is decoded once, here, so that no rule meets the API shape.
 */
function supplementaryConfigurationOf(record: JsonRecord): JsonRecord {
  const supplementary = asRecordOrJson(record.supplementaryConfiguration) ?? {};
  if (typeof record.configuration !== 'string') {
    return supplementary;
  }
  const decoded: JsonRecord = {};
  for (const [key, value] of Object.entries(supplementary)) {
    decoded[key] = typeof value === 'string' ? decodedJson(value) : value;
  }
  return decoded;
}

/** Whether a record is already a 1.3 item the engine can read as it is: the shape of snapshots and events. */
function isCanonical(record: JsonRecord): boolean {
  const tags = asRecord(record.tags);
  return typeof record.configurationItemStatus === 'string'
    && asRecord(record.configuration) !== undefined
    && asRecord(record.supplementaryConfiguration) !== undefined
    && tags !== undefined && allStrings(tags)
    && record.accountId === undefined && record.arn === undefined;
}

/**
 * One configuration item from either shape Config writes: 1.3 (`awsAccountId`, `ARN`), used as it
 * is, without a copy (a snapshot holds many thousands); or the 1.2 history and API shape
 * (`accountId`, `arn`, `configuration` and supplementary values possibly JSON strings), converted
 * to 1.3. Anything without a resource type and id is not an item: undefined.
 */
export function toConfigurationItem(raw: unknown): ConfigurationItem | undefined {
  const record = asRecord(raw);
  if (!record) {
    return undefined;
  }
  const resourceType = asString(record.resourceType);
  const resourceId = asString(record.resourceId);
  if (!resourceType || !resourceId) {
    return undefined;
  }
  if (isCanonical(record)) {
    return record as unknown as ConfigurationItem;
  }
  return {
    resourceType,
    resourceId,
    resourceName: asString(record.resourceName),
    awsAccountId: asString(record.awsAccountId) ?? asString(record.accountId),
    ARN: asString(record.ARN) ?? asString(record.arn),
    awsRegion: asString(record.awsRegion),
    configurationItemStatus: asString(record.configurationItemStatus) ?? 'OK',
    configurationItemCaptureTime: asString(record.configurationItemCaptureTime),
    configurationStateId: typeof record.configurationStateId === 'number' ? record.configurationStateId : asString(record.configurationStateId),
    configuration: asRecordOrJson(record.configuration) ?? {},
    supplementaryConfiguration: supplementaryConfigurationOf(record),
    tags: tagsOf(record),
  };
}
