import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** A tracer that traces nothing, as outside Lambda. */
export function untraced(): Tracer {
  return new Tracer({ enabled: false });
}

/** A logger that writes nothing. */
export function silentLogger(serviceName: string): Logger {
  return new Logger({ serviceName, logLevel: 'SILENT' });
}

let sink: any[] | undefined;

function parsedLogLine(text: string): any | undefined {
  try {
    const parsed = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'level' in parsed && 'service' in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Routes the JSON lines Powertools loggers write to stdout and stderr (as Lambda reads them) into the sink; other output passes. */
function captureStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const line = sink && parsedLogLine(String(chunk));
      if (line) {
        sink!.push(line);
        return true;
      }
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
}

/** A Powertools logger for a handler, and the lines it writes, parsed: a new list on each call. */
export function capturedLogger(serviceName: string): { logger: Logger; lines: any[] } {
  if (!sink) {
    captureStreams();
  }
  sink = [];
  return { logger: new Logger({ serviceName }), lines: sink };
}
