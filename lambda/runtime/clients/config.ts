import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { Tracer } from '../../observability/tracer';
import { SDK_OPTIONS } from '../sdk-options';

/** A Config client with the container's options, each call traced. */
export function configClient(tracer: Tracer): ConfigServiceClient {
  return tracer.captureAWSv3Client(new ConfigServiceClient(SDK_OPTIONS));
}
