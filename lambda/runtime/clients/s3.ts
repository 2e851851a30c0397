import { S3Client } from '@aws-sdk/client-s3';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A S3 client with the container's options, each call traced. */
export function s3Client(tracer: Tracer): S3Client {
  return tracer.captureAWSv3Client(new S3Client(SDK_OPTIONS));
}
