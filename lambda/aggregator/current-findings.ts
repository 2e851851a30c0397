import { DynamoDBDocumentClient, paginateQuery, QueryCommandInput, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import { FINDINGS_TABLE_SCHEMA } from '../../src/core/storage/findings-schema';
import { compareUtf8 } from '../../src/core/storage/key-order';

/**
 * The findings read at once over all rules, at most: each rule's cursor holds a page and fetches
 * the next, so a page is at most this over twice the number of rules (DynamoDB's 1 MB page limit
 * comes first for few rules).
 */
export const FINDINGS_IN_FLIGHT = 8_000;
/** The findings handed on at a time. */
const BATCH = 500;
/**
 * The smallest page asked for, however many Queries there are: a period's 36 (8 shards of 4 months,
 * and the rules) would otherwise ask for pages of about 100, and spend in requests what they save in
 * memory. At this size they hold about 20,000 items at once.
 */
const MIN_PAGE = 300;

/** One Query's items in index order, a page at hand and the next on its way. */
class QueryCursor<T> {
  private items: T[] = [];
  private index = 0;
  private next: Promise<IteratorResult<QueryCommandOutput>> | undefined;

  constructor(private readonly pages: AsyncIterator<QueryCommandOutput>) {
    this.next = pages.next();
  }

  /** The next item, or undefined when a page must be awaited or none is left. */
  peek(): T | undefined {
    return this.items[this.index];
  }

  take(): T {
    return this.items[this.index++];
  }

  /** Waits for items: false when the Query has none left. */
  async fill(): Promise<boolean> {
    while (this.index === this.items.length) {
      if (!this.next) {
        return false;
      }
      const page = await this.next;
      this.next = page.done ? undefined : this.pages.next();
      this.items = page.done ? [] : (page.value.Items ?? []) as T[];
      this.index = 0;
    }
    return true;
  }
}

/**
 * Queries of indexes sorted by resource id, merged by it: all of a resource's items come
 * together, so a reader can close a resource when the id changes. Each Query's cursor holds a page
 * and fetches the next, so about {@link FINDINGS_IN_FLIGHT} items are read at once (pages of at least
 * {@link MIN_PAGE} for many Queries). Yields them
 * in batches, as pages come.
 */
export async function* mergedByResourceId<T extends { readonly resourceId: string }>(
  documents: DynamoDBDocumentClient, queries: readonly QueryCommandInput[],
): AsyncGenerator<T[]> {
  const pageSize = Math.max(MIN_PAGE, Math.floor(FINDINGS_IN_FLIGHT / (2 * queries.length)));
  let cursors = queries.map((query) => new QueryCursor<T>(paginateQuery({ client: documents, pageSize }, query)[Symbol.asyncIterator]()));
  let batch: T[] = [];
  while (cursors.length > 0) {
    // A cursor whose page is used up is waited for only here, between batches.
    if (cursors.some((cursor) => cursor.peek() === undefined)) {
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
      const filled = await Promise.all(cursors.map((cursor) => cursor.fill()));
      cursors = cursors.filter((_, i) => filled[i]);
      continue;
    }
    let first = cursors[0];
    for (let i = 1; i < cursors.length; i++) {
      if (compareUtf8(cursors[i].peek()!.resourceId, first.peek()!.resourceId) < 0) {
        first = cursors[i];
      }
    }
    batch.push(first.take());
    // Small batches: their strings die young, before a garbage collection has to move them.
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
}

/**
 * Every rule's current findings through the sparse current-findings index (a Query per rule, never
 * a Scan), merged by resource id: the index sorts each rule's findings by it.
 */
export function currentFindingsByResource(
  documents: DynamoDBDocumentClient, tableName: string, configRuleNames: readonly string[],
): AsyncGenerator<CurrentFinding[]> {
  return mergedByResourceId<CurrentFinding>(documents, configRuleNames.map(currentFindingsQuery(tableName)));
}

/** The Query of one rule's current findings. */
export function currentFindingsQuery(tableName: string): (configRuleName: string) => QueryCommandInput {
  return (configRuleName) => ({
    TableName: tableName,
    IndexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex,
    KeyConditionExpression: '#rule = :rule',
    ExpressionAttributeNames: { '#rule': FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey },
    ExpressionAttributeValues: { ':rule': configRuleName },
  });
}
