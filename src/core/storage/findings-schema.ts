/**
 * The findings table's layout, shared by the construct that creates it and the handlers that read
 * and write it. Pure data: no CDK import, so the handler bundles stay small.
 */
export const FINDINGS_TABLE_SCHEMA = {
  partitionKey: 'resourceId',
  /** A history row's `{recordedAt}#{rule}`, or `CURRENT#{rule}` for the current-state row. */
  sortKey: 'timestamp',
  /** Epoch seconds after which DynamoDB deletes the finding. */
  timeToLiveAttribute: 'expiresAt',
  /**
   * Only a resource's current-state row for a rule carries `currentRule` (the rule's deployed name),
   * so this sparse index holds the current state per rule: the aggregator reads it with a Query, no
   * Scan, at a cost that grows with current resources, not with history.
   */
  currentFindingsIndex: 'current-findings',
  currentFindingsPartitionKey: 'currentRule',
  currentFindingsSortKey: 'resourceId',
  /**
   * Only history rows carry `historyBucket` (`{YYYY-MM}#{shard}`, see `history-index.ts`), so this
   * sparse index holds the history by month, each month's rows spread over a few shards and sorted
   * by resource id: a period is read with a Query per month and shard, no Scan, grouped by resource.
   */
  historyIndex: 'history-by-month',
  historyPartitionKey: 'historyBucket',
  historySortKey: 'resourceId',
  /** What the history index holds of each row besides its keys: what a period report reads. */
  historyAttributes: [
    'resourceType', 'configRuleName', 'recordedAt', 'newComplianceType', 'oldComplianceType', 'oldViolatedSince', 'exemptionReason', 'exemption',
  ],
} as const;

