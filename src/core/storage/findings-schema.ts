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
} as const;

