import { ConfigurationItem } from './types';
import { asArray, asRecord, asRecordOrJson, asString, JsonRecord } from './values';

/** Statuses of an item whose resource no longer exists: every rule answers NOT_APPLICABLE. */
export const DELETED_STATUSES: ReadonlySet<string> = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

/** Tags as Config records them: an object in items, or a list of `{key, value}` in some configurations. */
function tagsOf(raw: JsonRecord): Record<string, string> {
  const tags = asRecord(raw.tags);
  if (tags) {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags)) {
      result[key] = typeof value === 'string' ? value : String(value);
    }
    return result;
  }
  const result: Record<string, string> = {};
  for (const tag of asArray(raw.tags)) {
    const entry = asRecord(tag);
    const key = asString(entry?.key ?? entry?.Key);
    if (key !== undefined) {
      result[key] = String(entry?.value ?? entry?.Value ?? '');
    }
  }
  return result;
}

/**
 * One configuration item from either shape Config writes: 1.3 (`awsAccountId`, `ARN`), or the 1.2
 * history shape (`accountId`, `arn`, `configuration` possibly a JSON string). Anything without a
 * resource type and id is not an item: undefined.
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
  return {
    resourceType,
    resourceId,
    resourceName: asString(record.resourceName),
    accountId: asString(record.awsAccountId) ?? asString(record.accountId),
    arn: asString(record.ARN) ?? asString(record.arn),
    awsRegion: asString(record.awsRegion),
    status: asString(record.configurationItemStatus) ?? 'OK',
    captureTime: asString(record.configurationItemCaptureTime),
    configuration: asRecordOrJson(record.configuration) ?? {},
    supplementaryConfiguration: asRecordOrJson(record.supplementaryConfiguration) ?? {},
    tags: tagsOf(record),
  };
}
