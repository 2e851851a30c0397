import type { Context } from 'aws-lambda';
import { createLogger, eventSource } from '../logging/logger';

const logger = createLogger('aggregator');

/** Entry point of the aggregator Lambda function. */
export async function handler(event: unknown, context: Context): Promise<void> {
  logger.log('INFO', 'event received', { correlationId: context.awsRequestId, source: eventSource(event) });
}
