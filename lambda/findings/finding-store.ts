import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ComplianceChange, isNewViolation } from '../../src/core/findings/compliance-change';
import { CurrentFinding, nextClock } from '../../src/core/findings/current-finding';
import { Severity } from '../../src/core/rules/severity';
import { FINDINGS_TABLE_SCHEMA } from '../../src/core/storage/findings-schema';
import { historyBucket } from '../../src/core/storage/history-index';
import { RemediationAudit, remediationKey } from '../remediation/remediation-audit';
import { isAwsError } from '../runtime/aws-errors';

/** What recording a change did. */
export interface RecordedChange {
  /** False when the change was older than the current state (out-of-order delivery) or already recorded. */
  readonly applied: boolean;
  /** The resource became NON_COMPLIANT with the rule: it was not before. */
  readonly newlyNonCompliant: boolean;
}

const SECONDS_PER_DAY = 86_400;
/** BatchWriteItem takes at most 25 requests. */
export const BATCH_WRITE_LIMIT = 25;
/** Attempts at a batch's unprocessed items before the sweep fails loudly. */
const BATCH_WRITE_ATTEMPTS = 8;
/** Attempts at the current state while concurrent changes of the same resource and rule keep replacing it. */
const STATE_WRITE_ATTEMPTS = 5;

/** A change found by a sweep, with its rule's severity and the state it replaces. */
export interface SweepChange {
  readonly change: ComplianceChange;
  readonly severity: Severity;
  readonly previous?: CurrentFinding;
}

/** Waits before a retry: exponential, from 50 ms. */
export type Backoff = (attempt: number) => Promise<void>;

const exponentialBackoff: Backoff = (attempt) => new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));

/** The sort key of a resource's current-state row for a rule. */
export function currentStateKey(configRuleName: string): string {
  return `CURRENT#${configRuleName}`;
}

/** The sort key of a history row: the same change always gets the same key, so a redelivery writes nothing. */
export function historyKey(change: ComplianceChange): string {
  return `${change.recordedAt}#${change.configRuleName}`;
}

/** The state of a finding Config no longer reports. */
export const RESOLVED = 'RESOLVED';

/** A history row, in the history index's bucket of its month: what a period report reads. */
/**
 * A change as the history keeps it. `replaced`, the monitor's own state it replaces, gives when the
 * violation the change ends or continues began: a period report measures its remediation from
 * there, though it began before the months the report reads.
 */
function historyRow(change: ComplianceChange, severity: string, expiresAt: number, replaced: CurrentFinding | undefined): Record<string, unknown> {
  return {
    [FINDINGS_TABLE_SCHEMA.partitionKey]: change.resourceId,
    [FINDINGS_TABLE_SCHEMA.sortKey]: historyKey(change),
    [FINDINGS_TABLE_SCHEMA.historyPartitionKey]: historyBucket(change.resourceId, change.recordedAt),
    ...findingAttributes(change, severity, expiresAt),
    oldComplianceType: change.oldComplianceType,
    oldViolatedSince: replaced?.complianceType === 'NON_COMPLIANT' ? replaced.violatedSince : undefined,
    newComplianceType: change.newComplianceType,
  };
}

/** The current state after a change; the remediation clock carries on from the state it replaces. */
function currentRow(change: ComplianceChange, severity: string, expiresAt: number, previous: CurrentFinding | undefined): Record<string, unknown> {
  return {
    [FINDINGS_TABLE_SCHEMA.partitionKey]: change.resourceId,
    [FINDINGS_TABLE_SCHEMA.sortKey]: currentStateKey(change.configRuleName),
    ...findingAttributes(change, severity, expiresAt),
    ...nextClock(previous, change),
    [FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey]: change.configRuleName,
    complianceType: change.newComplianceType,
  };
}

function findingAttributes(change: ComplianceChange, severity: string, expiresAt: number): Record<string, unknown> {
  return {
    resourceType: change.resourceType,
    configRuleName: change.configRuleName,
    awsAccountId: change.awsAccountId || undefined,
    awsRegion: change.awsRegion || undefined,
    annotation: change.annotation,
    exemptionReason: change.exemptionReason,
    exemption: change.exemption,
    severity: severity || undefined,
    recordedAt: change.recordedAt,
    [FINDINGS_TABLE_SCHEMA.timeToLiveAttribute]: expiresAt,
  };
}

/** The keys of an expiry notice's claim: no resource id starts so. */
const EXPIRY_NOTICE_PREFIX = 'EXEMPTION-EXPIRY#';

function isConditionFailure(error: unknown): boolean {
  return isAwsError(error, 'ConditionalCheckFailedException');
}

/**
 * The findings table: one history row per change, and one current-state row per resource and rule.
 * Writes are conditional, so that redelivered events write nothing twice and late events never
 * overwrite a newer state: no library has these rules (they are the table's), so they stay here.
 * Undefined attributes are left out by the document client (`removeUndefinedValues`, see
 * runtime/clients/dynamodb.ts).
 */
export class FindingStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
    private readonly backoff: Backoff = exponentialBackoff,
  ) {}

  /** A rule's current findings, read through the sparse current-findings index (a Query, never a Scan). */
  async currentFindings(configRuleName: string): Promise<CurrentFinding[]> {
    const findings: CurrentFinding[] = [];
    const pages = paginateQuery({ client: this.documents }, {
      TableName: this.tableName,
      IndexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex,
      KeyConditionExpression: '#rule = :rule',
      ExpressionAttributeNames: { '#rule': FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey },
      ExpressionAttributeValues: { ':rule': configRuleName },
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        findings.push(item as CurrentFinding);
      }
    }
    return findings;
  }

  /**
   * Writes what a sweep found in batches of 25: each change as a history row and the current state;
   * each resolved finding as a history row and a current state out of the index. Unprocessed items
   * are retried with backoff; what is still unwritten after that fails the sweep.
   */
  async writeSweep(changes: readonly SweepChange[], resolved: readonly CurrentFinding[], now: Date = new Date()): Promise<void> {
    const expiresAt = Math.floor(now.getTime() / 1000) + this.retentionDays * SECONDS_PER_DAY;
    const items: Record<string, unknown>[] = [];
    for (const { change, severity, previous } of changes) {
      items.push(historyRow(change, severity, expiresAt, previous), currentRow(change, severity, expiresAt, previous));
    }
    for (const finding of resolved) {
      const change: ComplianceChange = {
        ...finding,
        awsAccountId: '',
        awsRegion: '',
        oldComplianceType: finding.complianceType,
        newComplianceType: RESOLVED,
        annotation: 'Config no longer reports this resource for the rule',
        recordedAt: now.toISOString(),
      };
      const { [FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey]: _leavesTheIndex, ...current } = currentRow({ ...finding, ...change }, '', expiresAt, finding);
      items.push(historyRow({ ...finding, ...change }, '', expiresAt, finding), current);
    }
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
      await this.batchWrite(items.slice(start, start + BATCH_WRITE_LIMIT));
    }
  }

  private async batchWrite(items: Record<string, unknown>[]): Promise<void> {
    let requests = items.map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt === BATCH_WRITE_ATTEMPTS) {
        throw new Error(`BatchWriteItem left ${requests.length} findings unwritten after ${BATCH_WRITE_ATTEMPTS} attempts`);
      }
      if (attempt > 0) {
        await this.backoff(attempt);
      }
      const result = await this.documents.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
    }
  }

  /**
   * Records a change in the history and, when it is the newest, as the current state. The history
   * row's old state is the monitor's own when the current state is older than the change: Config's
   * says NON_COMPLIANT where the monitor recorded EXEMPT, and a period report starts from it.
   */
  async recordChange(change: ComplianceChange, severity: string, now: Date = new Date()): Promise<RecordedChange> {
    const expiresAt = Math.floor(now.getTime() / 1000) + this.retentionDays * SECONDS_PER_DAY;
    const before = await this.currentState(change);
    const ownOldState = before !== undefined && before.recordedAt < change.recordedAt;
    const oldComplianceType = ownOldState ? before.complianceType : change.oldComplianceType;
    try {
      await this.documents.send(new PutCommand({
        TableName: this.tableName,
        Item: historyRow({ ...change, oldComplianceType }, severity, expiresAt, ownOldState ? before : undefined),
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
    for (let attempt = 0; attempt < STATE_WRITE_ATTEMPTS; attempt++) {
      const previous = attempt === 0 ? before : await this.currentState(change);
      // Only a newer change replaces the current state: late deliveries stay in the history alone.
      if (previous && previous.recordedAt >= change.recordedAt) {
        return { applied: false, newlyNonCompliant: false };
      }
      try {
        await this.documents.send(new PutCommand({
          TableName: this.tableName,
          Item: currentRow(change, severity, expiresAt, previous),
          // Written over the state just read, or none: a concurrent change makes this one read again.
          ConditionExpression: previous ? '#recordedAt = :previous' : 'attribute_not_exists(#recordedAt)',
          ExpressionAttributeNames: { '#recordedAt': 'recordedAt' },
          ExpressionAttributeValues: previous ? { ':previous': previous.recordedAt } : undefined,
        }));
        return { applied: true, newlyNonCompliant: isNewViolation(previous?.complianceType, change.newComplianceType) };
      } catch (error) {
        if (!isConditionFailure(error)) {
          throw error;
        }
      }
    }
    throw new Error(`the current state of ${change.resourceId} for ${change.configRuleName} changed under ${STATE_WRITE_ATTEMPTS} attempts to record a change`);
  }

  /**
   * Claims the one notice of an exemption's expiry: true the first time for this id, false after.
   * The claim is a row of its own (in no index), kept until a month after the expiry.
   */
  async claimExpiryNotice(exemptionId: string, expiresAt: string, now: Date = new Date()): Promise<boolean> {
    try {
      await this.documents.send(new PutCommand({
        TableName: this.tableName,
        Item: {
          [FINDINGS_TABLE_SCHEMA.partitionKey]: `${EXPIRY_NOTICE_PREFIX}${exemptionId}`,
          [FINDINGS_TABLE_SCHEMA.sortKey]: EXPIRY_NOTICE_PREFIX,
          noticeSentAt: now.toISOString(),
          exemptionExpiresAt: expiresAt,
          [FINDINGS_TABLE_SCHEMA.timeToLiveAttribute]: Math.floor(Date.parse(expiresAt) / 1000) + 30 * SECONDS_PER_DAY,
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': FINDINGS_TABLE_SCHEMA.partitionKey },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Records what the remediator did, or would do, beside the resource's findings. */
  async recordRemediation(audit: RemediationAudit): Promise<void> {
    const { request } = audit;
    await this.documents.send(new PutCommand({
      TableName: this.tableName,
      Item: {
        [FINDINGS_TABLE_SCHEMA.partitionKey]: request.resourceId,
        [FINDINGS_TABLE_SCHEMA.sortKey]: remediationKey(audit),
        resourceType: request.resourceType,
        configRuleName: request.configRuleName,
        correlationId: request.correlationId,
        mode: audit.mode,
        outcome: audit.outcome,
        actions: [...audit.actions],
        reason: audit.reason,
        recordedAt: audit.at,
        [FINDINGS_TABLE_SCHEMA.timeToLiveAttribute]: Math.floor(Date.parse(audit.at) / 1000) + this.retentionDays * SECONDS_PER_DAY,
      },
    }));
  }

  private async currentState(change: ComplianceChange): Promise<CurrentFinding | undefined> {
    const result = await this.documents.send(new GetCommand({
      TableName: this.tableName,
      Key: { [FINDINGS_TABLE_SCHEMA.partitionKey]: change.resourceId, [FINDINGS_TABLE_SCHEMA.sortKey]: currentStateKey(change.configRuleName) },
      ConsistentRead: true,
    }));
    return result.Item as CurrentFinding | undefined;
  }
}
