import { RDSClient } from '@aws-sdk/client-rds';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A RDS client with the container's options, each call traced. */
export function rdsClient(tracer: Tracer): RDSClient {
  return tracer.captureAWSv3Client(new RDSClient(SDK_OPTIONS));
}
