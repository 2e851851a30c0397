import { ConfigServiceClient, paginateSelectResourceConfig } from '@aws-sdk/client-config-service';
import { ExemptionTag, HasTag } from '../../src/core/engine/exemptions';

/** SelectResourceConfig returns at most 100 results a page. */
const PAGE_LIMIT = 100;

/** Tag keys and values hold no quote (AWS allows letters, digits, spaces and `_ . : / = + - @`); the construct checks it. */
function tagQuery(tag: ExemptionTag): string {
  return `SELECT resourceId WHERE tags.tag = '${tag.key}=${tag.value}'`;
}

async function resourceIdsTagged(config: ConfigServiceClient, tag: ExemptionTag): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of paginateSelectResourceConfig({ client: config, pageSize: PAGE_LIMIT }, { Expression: tagQuery(tag) })) {
    for (const result of page.Results ?? []) {
      const resourceId = (JSON.parse(result) as { resourceId?: string }).resourceId;
      if (resourceId) {
        ids.add(resourceId);
      }
    }
  }
  return ids;
}

/**
 * Which resources carry the exemption tags, from Config's inventory (one advanced query per tag,
 * whatever the number of resources). Each tag is queried once per lookup, on first use.
 */
export class TaggedResources {
  private readonly byTag = new Map<string, Set<string>>();

  constructor(private readonly config: ConfigServiceClient) {}

  /** Queries the tags not queried yet; then `hasTag` answers for them. */
  async load(tags: readonly ExemptionTag[]): Promise<HasTag> {
    for (const tag of tags) {
      const name = `${tag.key}=${tag.value}`;
      if (!this.byTag.has(name)) {
        this.byTag.set(name, await resourceIdsTagged(this.config, tag));
      }
    }
    return (resourceId, tag) => this.byTag.get(`${tag.key}=${tag.value}`)?.has(resourceId) ?? false;
  }
}
