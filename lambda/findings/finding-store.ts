import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ComplianceChange } from './compliance-change';
import { FINDINGS_TABLE_SCHEMA } from '../../src/storage/findings-schema';

/** What recording a change did. */
export interface RecordedChange {
  /** False when the change was older than the current state (out-of-order delivery) or already recorded. */
  readonly applied: boolean;
  /** The resource became NON_COMPLIANT with the rule: it was not before. */
  readonly newlyNonCompliant: boolean;
}

const SECONDS_PER_DAY = 86_400;

/** The sort key of a resource's current-state row for a rule. */
export function currentStateKey(configRuleName: string): string {
  return `CURRENT#${configRuleName}`;
}

/** The sort key of a history row: the same change always gets the same key, so a redelivery writes nothing. */
export function historyKey(change: ComplianceChange): string {
  return `${change.recordedAt}#${change.configRuleName}`;
}

/** DynamoDB stores no undefined: an absent annotation is an absent attribute. */
function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error)?.name === 'ConditionalCheckFailedException';
}

/**
 * The findings table: one history row per change, and one current-state row per resource and rule.
 * Writes are conditional, so that redelivered events write nothing twice and late events never
 * overwrite a newer state.
 */
export class FindingStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  /** Records a change in the history and, when it is the newest, as the current state. */
  async recordChange(change: ComplianceChange, severity: string, now: Date = new Date()): Promise<RecordedChange> {
    const expiresAt = Math.floor(now.getTime() / 1000) + this.retentionDays * SECONDS_PER_DAY;
    const finding = withoutUndefined({
      resourceType: change.resourceType,
      configRuleName: change.configRuleName,
      awsAccountId: change.awsAccountId,
      awsRegion: change.awsRegion,
      annotation: change.annotation,
      severity,
      recordedAt: change.recordedAt,
      [FINDINGS_TABLE_SCHEMA.timeToLiveAttribute]: expiresAt,
    });
    try {
      await this.documents.send(new PutCommand({
        TableName: this.tableName,
        Item: {
          [FINDINGS_TABLE_SCHEMA.partitionKey]: change.resourceId,
          [FINDINGS_TABLE_SCHEMA.sortKey]: historyKey(change),
          ...finding,
          ...withoutUndefined({ oldComplianceType: change.oldComplianceType, newComplianceType: change.newComplianceType }),
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': FINDINGS_TABLE_SCHEMA.partitionKey },
      }));
    } catch (error) {
      // Already in the history: a redelivery. The current state is still brought up to date, in
      // case the first delivery failed between the two writes; its own condition makes that idempotent.
      if (!isConditionFailure(error)) {
        throw error;
      }
    }
    return this.updateCurrentState(change, finding);
  }

  private async updateCurrentState(change: ComplianceChange, finding: Record<string, unknown>): Promise<RecordedChange> {
    const values: Record<string, unknown> = {
      ...finding,
      [FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey]: change.configRuleName,
      complianceType: change.newComplianceType,
    };
    const names = Object.keys(values);
    try {
      const result = await this.documents.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { [FINDINGS_TABLE_SCHEMA.partitionKey]: change.resourceId, [FINDINGS_TABLE_SCHEMA.sortKey]: currentStateKey(change.configRuleName) },
        UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
        // Only a newer change replaces the current state: late deliveries stay in the history alone.
        ConditionExpression: 'attribute_not_exists(#recordedAt) OR #recordedAt < :recordedAt',
        ExpressionAttributeNames: { '#recordedAt': 'recordedAt', ...Object.fromEntries(names.map((name, i) => [`#n${i}`, name])) },
        ExpressionAttributeValues: { ':recordedAt': change.recordedAt, ...Object.fromEntries(names.map((name, i) => [`:v${i}`, values[name]])) },
        ReturnValues: 'ALL_OLD',
      }));
      const before = result.Attributes?.complianceType;
      return { applied: true, newlyNonCompliant: change.newComplianceType === 'NON_COMPLIANT' && before !== 'NON_COMPLIANT' };
    } catch (error) {
      if (!isConditionFailure(error)) {
        throw error;
      }
      return { applied: false, newlyNonCompliant: false };
    }
  }
}
