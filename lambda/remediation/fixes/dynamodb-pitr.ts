import {
  DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand, TableDescription, UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo, tagRecord } from '../fix';

/** A table's tags, all pages of them. */
async function tableTags(dynamodb: DynamoDBClient, tableArn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let NextToken: string | undefined;
  do {
    const page = await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken }));
    Object.assign(tags, tagRecord(page.Tags));
    NextToken = page.NextToken;
  } while (NextToken);
  return tags;
}

/**
 * Turns on a DynamoDB table's point-in-time recovery, with DynamoDB's default recovery period (35
 * days). Config names a table by its name; its ARN, which its tags are read by, comes from the table.
 */
export function dynamodbPitrFix(dynamodb: DynamoDBClient): Fix {
  return async (request) => {
    const tableName = request.resourceId;
    let table: TableDescription | undefined;
    try {
      table = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) {
        throw error;
      }
    }
    if (!table?.TableArn || table.TableStatus === 'DELETING') {
      return nothingToDo(`table ${tableName} no longer exists`);
    }
    const tags = await tableTags(dynamodb, table.TableArn);
    const backups = (await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: tableName }))).ContinuousBackupsDescription;
    const status = backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'DISABLED';
    if (status === 'ENABLED') {
      return nothingToDo('point-in-time recovery is already enabled', tags);
    }
    return {
      tags,
      actions: [`enable point-in-time recovery (${status} → ENABLED)`],
      apply: async () => {
        await dynamodb.send(new UpdateContinuousBackupsCommand({
          TableName: tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }));
      },
    };
  };
}
