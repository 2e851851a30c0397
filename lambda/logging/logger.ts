/** Severity of a log line, as CloudWatch Logs Insights queries filter it. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Writes one structured JSON line per call, tagged with the handler's name. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** A logger for one handler; `write` defaults to stdout, which Lambda ships to CloudWatch Logs. */
export function createLogger(handler: string, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  return {
    log(level, message, fields = {}) {
      write(JSON.stringify({ timestamp: new Date().toISOString(), level, handler, message, ...fields }));
    },
  };
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
