import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { currentFindingsQuery, mergedByResourceId } from './current-findings';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import type { AppliedExemption, RecordedState } from '../../src/core/period';
import { FINDINGS_TABLE_SCHEMA } from '../../src/core/storage/findings-schema';
import { historyBuckets } from '../../src/core/storage/history-index';

/** A history row as the history index projects it. */
interface HistoryRow {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly configRuleName: string;
  readonly recordedAt: string;
  readonly newComplianceType: string;
  readonly oldComplianceType?: string;
  readonly oldViolatedSince?: string;
  readonly exemptionReason?: string;
  readonly exemption?: AppliedExemption;
}

type Row = HistoryRow | (CurrentFinding & { readonly exemption?: AppliedExemption });

/** The exemption of a row; a row written before exemptions were recorded field by field has its description alone. */
function exemptionOf(row: Row): AppliedExemption | undefined {
  return row.exemption ?? (row.exemptionReason !== undefined ? { reason: row.exemptionReason } : undefined);
}

function recordedState(row: Row): RecordedState {
  const history = 'newComplianceType' in row;
  const exemption = exemptionOf(row);
  return {
    configRuleName: row.configRuleName,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    at: row.recordedAt,
    complianceType: history ? row.newComplianceType : row.complianceType,
    ...(history && row.oldComplianceType !== undefined ? { previousComplianceType: row.oldComplianceType } : {}),
    ...(history && row.oldViolatedSince !== undefined ? { previousSince: row.oldViolatedSince } : {}),
    ...(exemption ? { exemption } : {}),
  };
}

/**
 * Every state recorded of the set's rules from the first of `from`'s month until now, resource id
 * by resource id: the history index's buckets of those months (a Query per month and shard) and
 * each rule's current state (for resources whose state has not changed since before the months
 * read), merged by resource id. Memory holds a few pages and one resource's states.
 */
export async function* recordedStatesByResource(
  documents: DynamoDBDocumentClient, tableName: string, configRuleNames: readonly string[], from: Date, now: Date,
): AsyncGenerator<RecordedState[]> {
  const rules = new Set(configRuleNames);
  const history = historyBuckets(from, now).map((bucket): QueryCommandInput => ({
    TableName: tableName,
    IndexName: FINDINGS_TABLE_SCHEMA.historyIndex,
    KeyConditionExpression: '#bucket = :bucket',
    ExpressionAttributeNames: { '#bucket': FINDINGS_TABLE_SCHEMA.historyPartitionKey },
    ExpressionAttributeValues: { ':bucket': bucket },
  }));
  let open: RecordedState[] = [];
  for await (const batch of mergedByResourceId<Row>(documents, [...history, ...configRuleNames.map(currentFindingsQuery(tableName))])) {
    for (const row of batch) {
      // A rule no longer in the set keeps its history until it expires: it is not reported.
      if (!rules.has(row.configRuleName)) {
        continue;
      }
      if (open.length > 0 && open[0].resourceId !== row.resourceId) {
        yield open;
        open = [];
      }
      open.push(recordedState(row));
    }
  }
  if (open.length > 0) {
    yield open;
  }
}
