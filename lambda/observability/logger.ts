import { Logger } from '@aws-lambda-powertools/logger';

export { Logger };

/**
 * The handler's Powertools Logger: one JSON line per call on stdout, which Lambda ships to
 * CloudWatch Logs. The level comes from the environment (POWERTOOLS_LOG_LEVEL, LOG_LEVEL, or the
 * function's own AWS_LAMBDA_LOG_LEVEL), INFO by default; an `error` field that is an Error is
 * written with its name, message, stack and cause.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}

/** Where an event came from, for logs: EventBridge's `source`, Config's rule invocation, or unknown. */
export function eventSource(event: unknown): string {
  if (typeof event !== 'object' || event === null) {
    return 'unknown';
  }
  const record = event as Record<string, unknown>;
  if (typeof record.source === 'string') {
    return record.source;
  }
  if (typeof record.configRuleName === 'string') {
    return `aws.config rule ${record.configRuleName}`;
  }
  return 'unknown';
}
