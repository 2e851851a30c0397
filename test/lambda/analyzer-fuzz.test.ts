import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import * as fc from 'fast-check';
import { AnalyzerDependencies, createAnalyzer } from '../../lambda/analyzer/analyzer';
import { FindingStore } from '../../lambda/findings/finding-store';
import { RuleSpecError } from '../../src/core/engine';
import { EventError } from '../../src/core/findings/compliance-change';
import { Severity } from '../../src/core/rules/severity';
import { fixture } from '../support/fixtures';
import { MotoServer, startMoto } from '../support/moto';
import { answerGap, CallLog, callLog } from '../support/moto-gaps';
import { silentLogger, untraced } from '../support/observability';

/** The store's contract, in memory: this test is about what the analyzer makes of any event. */
const store = {
  recordChange: async () => ({ applied: true, newlyNonCompliant: true }),
  currentFindings: async () => [],
  writeSweep: async () => undefined,
} as unknown as FindingStore;

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-test';

function analyzerOn(clients: Pick<AnalyzerDependencies, 'sns' | 'config' | 'lambda'>) {
  return createAnalyzer({
    store,
    ...clients,
    remediatorFunction: 'compliance-remediator-test',
    alertTopicArn: TOPIC,
    rules: [
      { configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: Severity.CRITICAL, evaluationMode: 'ENGINE' },
      { configRuleName: 'ec2-imdsv2-check-test', ruleName: 'ec2-imdsv2-check', severity: Severity.HIGH, evaluationMode: 'ENGINE' },
    ],
    alertSeverity: Severity.HIGH,
    digestThreshold: 10,
    environmentSuffix: 'test',
    emitMetrics: () => undefined,
    logger: silentLogger('analyzer'),
    tracer: untraced(),
  });
}

const invocation = fixture('rule-invocation-events/powertools-awsConfigRuleConfigurationChanged.json');
const complianceChange = {
  'source': 'aws.config',
  'detail-type': 'Config Rules Compliance Change',
  'detail': fixture('sns-notifications/awsdocs-compliance-change-notification.sns.json').Message,
};

/** A real event with any of its fields replaced by anything, or removed. */
function mutated(base: Record<string, unknown>, configRuleName?: string): fc.Arbitrary<unknown> {
  const fields = Object.keys(base);
  return fc.record({
    replace: fc.dictionary(fc.constantFrom(...fields), fc.anything()),
    remove: fc.subarray(fields),
  }).map(({ replace, remove }) => {
    const event: Record<string, unknown> = { ...base, ...(configRuleName ? { configRuleName } : {}), ...replace };
    for (const field of remove) {
      delete event[field];
    }
    return event;
  });
}

let moto: MotoServer;
let clients: Pick<AnalyzerDependencies, 'sns' | 'config' | 'lambda'>;
let configCalls: CallLog;

beforeAll(async () => {
  moto = await startMoto();
  const config = new ConfigServiceClient(moto.clientConfig);
  configCalls = callLog(config);
  // PutEvaluations reaches moto in TestMode, the only mode moto implements (MOTO_GAPS).
  answerGap(config, PutEvaluationsCommand, (input, toMoto) => toMoto({ ...input, TestMode: true }));
  clients = { sns: new SNSClient(moto.clientConfig), config, lambda: new LambdaClient(moto.clientConfig) };
});
beforeEach(async () => {
  await moto.reset();
  await clients.sns.send(new CreateTopicCommand({ Name: 'compliance-alerts-test' }));
});
afterAll(async () => {
  for (const client of Object.values(clients)) {
    client.destroy();
  }
  await moto.stop();
});

describe('10,000 fuzzed events', () => {
  test('every event is handled or refused with a named error, never an unhandled exception', async () => {
    const analyzer = analyzerOn(clients);
    const context = { awsRequestId: 'fuzz', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:compliance-analyzer-test' } as Context;
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        mutated(invocation, 'ec2-imdsv2-check-test'),
        mutated(complianceChange),
        mutated(complianceChange.detail).map((detail) => ({ ...complianceChange, detail })),
        mutated(complianceChange.detail.newEvaluationResult).map((newEvaluationResult) =>
          ({ ...complianceChange, detail: { ...complianceChange.detail, newEvaluationResult } })),
        fc.anything(),
      ),
      async (event) => {
        try {
          await analyzer(event, context);
        } catch (error) {
          expect([EventError, RuleSpecError].some((type) => error instanceof type)).toBe(true);
          expect((error as Error).message).not.toMatch(/\n/);
        }
      },
    ), { numRuns: 10_000 });
    // The events handled were answered through moto, which accepted every request.
    const answered = configCalls.of(PutEvaluationsCommand);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((call) => call.output?.FailedEvaluations?.length === 0)).toBe(true);
  }, 120_000);
});
