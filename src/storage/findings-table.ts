import { aws_dynamodb as dynamodb, aws_kms as kms, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The attributes of the findings table that its keys, index and TTL use. */
export const FINDINGS_TABLE_SCHEMA = {
  partitionKey: 'resourceId',
  sortKey: 'timestamp',
  /** Epoch seconds after which DynamoDB deletes the finding. */
  timeToLiveAttribute: 'expiresAt',
  /**
   * Only a resource's current finding for a rule carries `currentRule` (the rule's name), so this
   * sparse index holds the current state per rule: the aggregator reads it with a Query, no Scan.
   */
  currentFindingsIndex: 'current-findings',
  currentFindingsPartitionKey: 'currentRule',
  currentFindingsSortKey: 'resourceId',
} as const;

/** Properties of the findings table. */
export interface FindingsTableProps {
  readonly tableName: string;
  readonly encryptionKey: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
}

/** Findings history and current state: on demand, point-in-time recovery, KMS, TTL. */
export function createFindingsTable(scope: Construct, id: string, props: FindingsTableProps): dynamodb.Table {
  const table = new dynamodb.Table(scope, id, {
    tableName: props.tableName,
    partitionKey: { name: FINDINGS_TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: FINDINGS_TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: props.encryptionKey,
    timeToLiveAttribute: FINDINGS_TABLE_SCHEMA.timeToLiveAttribute,
    removalPolicy: props.removalPolicy,
  });
  table.addGlobalSecondaryIndex({
    indexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex,
    partitionKey: { name: FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: FINDINGS_TABLE_SCHEMA.currentFindingsSortKey, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.ALL,
  });
  return table;
}
