import { EC2Client } from '@aws-sdk/client-ec2';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A EC2 client with the container's options, each call traced. */
export function ec2Client(tracer: Tracer): EC2Client {
  return tracer.captureAWSv3Client(new EC2Client(SDK_OPTIONS));
}
