import { LambdaClient } from '@aws-sdk/client-lambda';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A Lambda client with the container's options, each call traced. */
export function lambdaClient(tracer: Tracer): LambdaClient {
  return tracer.captureAWSv3Client(new LambdaClient(SDK_OPTIONS));
}
