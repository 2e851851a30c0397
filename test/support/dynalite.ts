import { AddressInfo } from 'net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite = require('dynalite'); // eslint-disable-line @typescript-eslint/no-require-imports
import { documentClientOf } from '../../lambda/runtime/clients/dynamodb';
import { FINDINGS_TABLE_SCHEMA } from '../../src/core/storage/findings-schema';

/** A real DynamoDB protocol server on 127.0.0.1, on a free port, in memory. */
export interface LocalDynamoDb {
  readonly client: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    client,
    // The handlers' document client: undefined attributes left out.
    documents: documentClientOf(client),
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The findings table as the construct creates it: its keys, its current-findings index and its history index. */
export async function createFindingsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const schema = FINDINGS_TABLE_SCHEMA;
  await client.send(new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [schema.partitionKey, schema.sortKey, schema.currentFindingsPartitionKey, schema.historyPartitionKey]
      .map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [{ AttributeName: schema.partitionKey, KeyType: 'HASH' }, { AttributeName: schema.sortKey, KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{
      IndexName: schema.currentFindingsIndex,
      KeySchema: [{ AttributeName: schema.currentFindingsPartitionKey, KeyType: 'HASH' }, { AttributeName: schema.currentFindingsSortKey, KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }, {
      IndexName: schema.historyIndex,
      KeySchema: [{ AttributeName: schema.historyPartitionKey, KeyType: 'HASH' }, { AttributeName: schema.historySortKey, KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...schema.historyAttributes] },
    }],
  }));
}
