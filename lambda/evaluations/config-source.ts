import {
  BatchGetResourceConfigCommand, ConfigServiceClient, GetResourceConfigHistoryCommand, paginateListDiscoveredResources, ResourceKey, ResourceType,
} from '@aws-sdk/client-config-service';
import { ConfigurationItem, toConfigurationItem } from '../../src/core/engine';
import { isAwsError } from '../runtime/aws-errors';

/** BatchGetResourceConfig takes at most 100 resource keys. */
const BATCH_GET_LIMIT = 100;
/** Keys BatchGetResourceConfig left unprocessed are asked again, this many times at most. */
const UNPROCESSED_ATTEMPTS = 5;

/**
 * The current configuration item of a resource: what an oversized-change notification leaves out.
 * None when Config does not know the resource: it answers ResourceNotDiscoveredException then.
 */
export async function currentItem(config: ConfigServiceClient, resourceType: string, resourceId: string): Promise<ConfigurationItem | undefined> {
  try {
    const history = await config.send(new GetResourceConfigHistoryCommand({
      resourceType: resourceType as ResourceType, resourceId, limit: 1,
    }));
    return toConfigurationItem(history.configurationItems?.[0]);
  } catch (error) {
    if (isAwsError(error, 'ResourceNotDiscoveredException')) {
      return undefined;
    }
    throw error;
  }
}

async function batchGet(config: ConfigServiceClient, keys: ResourceKey[]): Promise<ConfigurationItem[]> {
  const items: ConfigurationItem[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === UNPROCESSED_ATTEMPTS) {
      throw new Error(`BatchGetResourceConfig left ${pending.length} resources unprocessed after ${UNPROCESSED_ATTEMPTS} attempts`);
    }
    const result = await config.send(new BatchGetResourceConfigCommand({ resourceKeys: pending }));
    for (const raw of result.baseConfigurationItems ?? []) {
      const item = toConfigurationItem(raw);
      if (item) {
        items.push(item);
      }
    }
    pending = result.unprocessedResourceKeys ?? [];
  }
  return items;
}

/**
 * Every recorded resource of these types, page by page: ListDiscoveredResources for the keys,
 * BatchGetResourceConfig for the items, 100 at a time.
 */
export async function* discoveredItems(config: ConfigServiceClient, resourceTypes: readonly string[]): AsyncGenerator<ConfigurationItem[]> {
  for (const resourceType of resourceTypes) {
    for await (const page of paginateListDiscoveredResources({ client: config }, { resourceType: resourceType as ResourceType })) {
      const keys = (page.resourceIdentifiers ?? [])
        .filter((resource) => resource.resourceId)
        .map((resource) => ({ resourceType: resourceType as ResourceType, resourceId: resource.resourceId! }));
      for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
        yield await batchGet(config, keys.slice(start, start + BATCH_GET_LIMIT));
      }
    }
  }
}
