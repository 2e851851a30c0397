import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SDK_OPTIONS } from '../sdk-options';

/** The container's DynamoDB document client, created when a handler first imports this module. */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(SDK_OPTIONS));
