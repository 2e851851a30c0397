import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Adaptive retries: the SDK slows down on throttling instead of failing the invocation. */
const RETRIES = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/** A DynamoDB document client: created once per container, at module load. */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(RETRIES));
}

export function snsClient(): SNSClient {
  return new SNSClient(RETRIES);
}

export function configClient(): ConfigServiceClient {
  return new ConfigServiceClient(RETRIES);
}

export function s3Client(): S3Client {
  return new S3Client(RETRIES);
}

export function lambdaClient(): LambdaClient {
  return new LambdaClient(RETRIES);
}

export function ec2Client(): EC2Client {
  return new EC2Client(RETRIES);
}

export function rdsClient(): RDSClient {
  return new RDSClient(RETRIES);
}
