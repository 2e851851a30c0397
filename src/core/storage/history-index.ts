/**
 * The history index's partitions, shared by the analyzer (which writes each history row's bucket)
 * and the aggregator (which reads a period's buckets). Pure functions: no CDK or SDK import.
 */

/**
 * Shards of a month: a month's history rows are written to this many partitions, so that a sweep
 * that records many changes at once does not write to one partition of the index. Changing it
 * moves rows written afterwards, and readers would miss the old shards: it is fixed.
 */
export const HISTORY_SHARDS = 8;

/** A prime below 2^31: the hash's products stay exact in a double. */
const HASH_MODULUS = 2_147_483_629;

/** A resource's shard: a polynomial hash of its id, so that all of a resource's rows share a shard. */
export function historyShard(resourceId: string): number {
  let hash = 0;
  for (let i = 0; i < resourceId.length; i++) {
    hash = (hash * 31 + resourceId.charCodeAt(i)) % HASH_MODULUS;
  }
  return hash % HISTORY_SHARDS;
}

/** The bucket of a history row: the month (UTC) of the change and the resource's shard. */
export function historyBucket(resourceId: string, recordedAt: string): string {
  return `${recordedAt.slice(0, 7)}#${historyShard(resourceId)}`;
}

/** The months (`YYYY-MM`, UTC) from `from`'s to `to`'s, both included, in order. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  for (let year = from.getUTCFullYear(), month = from.getUTCMonth();
    year < to.getUTCFullYear() || (year === to.getUTCFullYear() && month <= to.getUTCMonth());
    month === 11 ? (year++, month = 0) : month++) {
    months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Every bucket of the months from `from`'s to `to`'s, month by month, shard by shard. */
export function historyBuckets(from: Date, to: Date): string[] {
  return monthsBetween(from, to).flatMap((month) => Array.from({ length: HISTORY_SHARDS }, (_, shard) => `${month}#${shard}`));
}
