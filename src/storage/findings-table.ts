import { aws_dynamodb as dynamodb, aws_kms as kms, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FINDINGS_TABLE_SCHEMA } from '../core/storage/findings-schema';

/** Properties of the findings table. */
export interface FindingsTableProps {
  readonly tableName: string;
  readonly encryptionKey: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
}

/** Findings history and current state: on demand, point-in-time recovery, KMS, TTL; the current-findings and history indexes. */
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
  table.addGlobalSecondaryIndex({
    indexName: FINDINGS_TABLE_SCHEMA.historyIndex,
    partitionKey: { name: FINDINGS_TABLE_SCHEMA.historyPartitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: FINDINGS_TABLE_SCHEMA.historySortKey, type: dynamodb.AttributeType.STRING },
    // What a period report reads, not the annotations: the index stays a fraction of the history's size.
    projectionType: dynamodb.ProjectionType.INCLUDE,
    nonKeyAttributes: [...FINDINGS_TABLE_SCHEMA.historyAttributes],
  });
  return table;
}
