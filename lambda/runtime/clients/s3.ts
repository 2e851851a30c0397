import { S3Client } from '@aws-sdk/client-s3';
import { SDK_OPTIONS } from '../sdk-options';

/** The container's S3 client, created when a handler first imports this module. */
export const s3Client = new S3Client(SDK_OPTIONS);
