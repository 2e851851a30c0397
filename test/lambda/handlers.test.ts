import type { Context } from 'aws-lambda';
import { handler as aggregator } from '../../lambda/aggregator';
import { handler as analyzer } from '../../lambda/analyzer';
import { createLogger, eventSource } from '../../lambda/logging/logger';
import { handler as remediator } from '../../lambda/remediator';

const context = { awsRequestId: 'req-123' } as Context;

describe('handlers', () => {
  test.each([
    ['analyzer', analyzer],
    ['aggregator', aggregator],
    ['remediator', remediator],
  ])('%s logs one JSON line with the correlation id and the event source', async (name, handler) => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await handler({ 'source': 'aws.events', 'detail-type': 'Scheduled Event' }, context);
    expect(write).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(write.mock.calls[0][0]));
    expect(line).toMatchObject({ level: 'INFO', handler: name, correlationId: 'req-123', source: 'aws.events' });
    write.mockRestore();
  });
});

describe('createLogger', () => {
  test('writes the level, handler, message and fields as one JSON line', () => {
    const lines: string[] = [];
    createLogger('analyzer', (line) => lines.push(line)).log('ERROR', 'boom', { ruleName: 'required-tags' });
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]);
    expect(parsed).toMatchObject({ level: 'ERROR', handler: 'analyzer', message: 'boom', ruleName: 'required-tags' });
    expect(new Date(parsed.timestamp).toISOString()).toBe(parsed.timestamp);
  });
});

describe('eventSource', () => {
  test.each([
    [{ source: 'aws.config' }, 'aws.config'],
    [{ configRuleName: 'required-tags-prod', invokingEvent: '{}' }, 'aws.config rule required-tags-prod'],
    [{ source: 42 }, 'unknown'],
    [null, 'unknown'],
    ['text', 'unknown'],
  ])('%j comes from %s', (event, expected) => {
    expect(eventSource(event)).toBe(expected);
  });
});
