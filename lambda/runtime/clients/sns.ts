import { SNSClient } from '@aws-sdk/client-sns';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A SNS client with the container's options, each call traced. */
export function snsClient(tracer: Tracer): SNSClient {
  return tracer.captureAWSv3Client(new SNSClient(SDK_OPTIONS));
}
