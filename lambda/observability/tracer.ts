import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import type { Logger } from './logger';

export { Tracer };

/**
 * The handler's Powertools Tracer. Tracing is on in Lambda with active tracing, off elsewhere
 * (POWERTOOLS_TRACE_ENABLED=false turns it off). HTTP is not patched globally: the handlers' only
 * HTTP is the AWS SDK's, traced call by call through `captureAWSv3Client` on every client.
 */
export function createTracer(serviceName: string): Tracer {
  return new Tracer({ serviceName, captureHTTPsRequests: false });
}

/**
 * Runs one phase of a handler in its own subsegment (`### name`), as Tracer's `captureMethod`
 * does for class methods: an error is recorded on it and thrown on. Untraced, it only runs.
 */
export function traced<T>(tracer: Tracer, name: string, run: () => Promise<T>): Promise<T> {
  return inSubsegment(tracer, `### ${name}`, run);
}

async function inSubsegment<T>(tracer: Tracer, name: string, run: () => Promise<T>): Promise<T> {
  if (!tracer.isTracingEnabled()) {
    return run();
  }
  return tracer.provider.captureAsyncFunc(name, async (subsegment) => {
    try {
      return await run();
    } catch (error) {
      tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      subsegment?.close();
    }
  }) as Promise<T>;
}

/** What each handler logs and traces with. */
export interface Observability {
  readonly logger: Logger;
  readonly tracer: Tracer;
}

/**
 * A handler with its invocation observed: the Lambda context (function, request id, cold start)
 * and the correlation id (the request id, unless the handler appends another) on every log line,
 * and the invocation in a `## handler` subsegment annotated with the cold start and the service.
 */
export function observed<R>(
  { logger, tracer }: Observability, handler: (event: unknown, context: Context) => Promise<R>,
): (event: unknown, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    logger.appendKeys({ correlationId: context.awsRequestId });
    try {
      return await inSubsegment(tracer, '## handler', () => {
        tracer.annotateColdStart();
        tracer.addServiceNameAnnotation();
        return handler(event, context);
      });
    } finally {
      logger.resetKeys();
    }
  };
}
