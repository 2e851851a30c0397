import { ConfigurationItem } from './types';
import { asArray, asRecord, asRecordOrJson, asString, asText, JsonRecord } from './values';

/** Statuses of an item whose resource no longer exists: every rule answers NOT_APPLICABLE. */
export const DELETED_STATUSES: ReadonlySet<string> = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

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
 * is, without a copy (a snapshot holds many thousands); or the 1.2 history shape (`accountId`,
 * `arn`, `configuration` possibly a JSON string), converted to 1.3. Anything without a resource
 * type and id is not an item: undefined.
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
    configuration: asRecordOrJson(record.configuration) ?? {},
    supplementaryConfiguration: asRecordOrJson(record.supplementaryConfiguration) ?? {},
    tags: tagsOf(record),
  };
}
