import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TranslateConfig } from '@aws-sdk/lib-dynamodb';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** DynamoDB stores no undefined: an absent annotation, reason or severity is an absent attribute. */
export const DOCUMENT_TRANSLATION: TranslateConfig = { marshallOptions: { removeUndefinedValues: true } };

/** The document client the finding store works with, over a DynamoDB client. */
export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, DOCUMENT_TRANSLATION);
}

/** The container's DynamoDB client, each call traced. */
export function dynamodbClient(tracer: Tracer): DynamoDBClient {
  return tracer.captureAWSv3Client(new DynamoDBClient(SDK_OPTIONS));
}

/** The container's DynamoDB document client, each call traced. */
export function documentClient(tracer: Tracer): DynamoDBDocumentClient {
  return documentClientOf(dynamodbClient(tracer));
}
