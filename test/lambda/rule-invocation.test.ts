import {
  BatchGetResourceConfigCommand, ConfigServiceClient, Evaluation, GetResourceConfigHistoryCommand, ListDiscoveredResourcesCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createAnalyzer } from '../../lambda/analyzer/analyzer';
import { ruleInvocationOf } from '../../lambda/evaluations/rule-invocation';
import { FindingStore } from '../../lambda/findings/finding-store';
import { compileRule, evaluate, RuleSpecError, toConfigurationItem } from '../../src/core/engine';
import { EventError } from '../../src/core/findings/compliance-change';
import { Severity } from '../../src/core/rules/severity';
import { closedEndpoint } from '../support/closed-endpoint';
import { fixture } from '../support/fixtures';
import { motoForEachTest } from '../support/moto';
import { answerGap, CallLog, callLog, GAP_PROBES, MOTO_GAPS, readMotoConfigTimestamps } from '../support/moto-gaps';
import { silentLogger, untraced } from '../support/observability';

const context = { awsRequestId: 'req-2' } as Context;
const metricLines: any[] = [];
const RULES = [
  { configRuleName: 'ec2-imdsv2-check-test', ruleName: 'ec2-imdsv2-check', severity: Severity.HIGH, evaluationMode: 'ENGINE' },
  { configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: Severity.CRITICAL, evaluationMode: 'ENGINE' },
  { configRuleName: 'desired-instance-type-test', ruleName: 'desired-instance-type', severity: Severity.LOW, evaluationMode: 'ENGINE' },
  { configRuleName: 'required-tags-test', ruleName: 'required-tags', severity: Severity.LOW, evaluationMode: 'ENGINE' },
  { configRuleName: 's3-bucket-versioning-enabled-test', ruleName: 's3-bucket-versioning-enabled', severity: Severity.MEDIUM, evaluationMode: 'ENGINE' },
];
/** Config's inventory in moto is S3 buckets (see MOTO_GAPS): required-tags judges an item's tags. */
const TAGGED = '{"tag1Key":"team"}';

const moto = motoForEachTest();
let config: ConfigServiceClient;
let calls: CallLog;
/** The evaluations Config fails, of those a PutEvaluations call sends: none unless a test says. */
let rejected: (evaluations: Evaluation[]) => Evaluation[];

function analyzer() {
  return createAnalyzer({
    // Rule invocations touch neither the findings table nor SNS nor Lambda.
    store: new FindingStore(DynamoDBDocumentClient.from(new DynamoDBClient(moto().clientConfig)), 'unused', 1),
    sns: new SNSClient(moto().clientConfig),
    config,
    lambda: new LambdaClient(moto().clientConfig),
    remediatorFunction: 'compliance-remediator-test',
    alertTopicArn: 'unused',
    rules: RULES,
    alertSeverity: Severity.HIGH,
    digestThreshold: 10,
    environmentSuffix: 'test',
    emitMetrics: (line) => metricLines.push(JSON.parse(line)),
    logger: silentLogger('analyzer'),
    tracer: untraced(),
  });
}

/** One of the real invocation events, addressed to one of this monitor's rules. */
function invocation(file: string, configRuleName: string, changes: Record<string, unknown> = {}): any {
  return { ...fixture(`rule-invocation-events/${file}`), configRuleName, ...changes };
}

/** The real oversized-change notification, about another resource. */
function oversizedChange(resourceType: string, resourceId: string): any {
  const event = invocation('powertools-awsConfigRuleOversizedConfiguration.json', 'required-tags-test', { ruleParameters: TAGGED });
  const notification = JSON.parse(event.invokingEvent);
  Object.assign(notification.configurationItemSummary, { resourceType, resourceId });
  return { ...event, invokingEvent: JSON.stringify(notification) };
}

function putCalls() {
  return calls.of(PutEvaluationsCommand).map((call) => call.input);
}

/** Buckets in moto's S3, which its Config discovers, with these tags. */
async function buckets(names: readonly string[], tags: Record<string, string> = {}): Promise<void> {
  const s3 = new S3Client(moto().clientConfig);
  for (const name of names) {
    await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    if (Object.keys(tags).length > 0) {
      await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } }));
    }
  }
  s3.destroy();
}

beforeEach(() => {
  config = new ConfigServiceClient(moto().clientConfig);
  readMotoConfigTimestamps(config);
  calls = callLog(config);
  rejected = () => [];
  answerGap(config, PutEvaluationsCommand, async (input, toMoto) => {
    const answer = await toMoto({ ...input, TestMode: true });
    return { ...answer, FailedEvaluations: [...answer.FailedEvaluations ?? [], ...rejected(input.Evaluations ?? [])] };
  });
});
afterEach(() => {
  config.destroy();
});

describe('Config custom-rule invocations (ENGINE rules)', () => {
  test('a configuration change is evaluated and answered with the result token', async () => {
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}' });
    await analyzer()(event, context);
    expect(putCalls()).toEqual([{
      ResultToken: event.resultToken,
      Evaluations: [{
        ComplianceResourceType: 'AWS::EC2::Instance',
        ComplianceResourceId: 'i-042dd005362091826',
        ComplianceType: 'NON_COMPLIANT',
        Annotation: 'IMDSv1 is allowed (httpTokens optional)',
        OrderingTimestamp: new Date('2023-04-27T15:03:11.636Z'),
      }],
    }]);
    // moto read the request (in TestMode) and accepted every evaluation.
    expect(calls.of(PutEvaluationsCommand)[0].output).toMatchObject({ FailedEvaluations: [], $metadata: { httpStatusCode: 200 } });
  });

  test('the rule parameters of the invocation apply', async () => {
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'desired-instance-type-test', { ruleParameters: '{"instanceType":"t2.micro,t2.medium"}' });
    await analyzer()(event, context);
    expect(putCalls()[0].Evaluations![0]).toMatchObject({ ComplianceType: 'COMPLIANT', Annotation: 'Instance type t2.medium is desired' });
  });

  test('a resource that left the scope is NOT_APPLICABLE', async () => {
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}', eventLeftScope: true });
    await analyzer()(event, context);
    expect(putCalls()[0].Evaluations).toEqual([expect.objectContaining({ ComplianceResourceId: 'i-042dd005362091826', ComplianceType: 'NOT_APPLICABLE' })]);
  });

  test('an oversized change is evaluated on the item fetched with GetResourceConfigHistory', async () => {
    await buckets(['compliance-logs'], { team: 'edge' });
    await analyzer()(oversizedChange('AWS::S3::Bucket', 'compliance-logs'), context);
    const history = calls.of(GetResourceConfigHistoryCommand);
    expect(history.map((call) => call.input)).toEqual([{ resourceType: 'AWS::S3::Bucket', resourceId: 'compliance-logs', limit: 1 }]);
    expect(history[0].output!.configurationItems).toEqual([expect.objectContaining({ resourceId: 'compliance-logs', tags: { team: 'edge' } })]);
    expect(putCalls()[0].Evaluations).toEqual([{
      ComplianceResourceType: 'AWS::S3::Bucket',
      ComplianceResourceId: 'compliance-logs',
      ComplianceType: 'COMPLIANT',
      Annotation: 'Has required tags team',
      OrderingTimestamp: new Date('2016-10-06T16:46:16.261Z'),
    }]);
  });

  test('an oversized change of a resource Config no longer has fails with what is missing', async () => {
    const event = oversizedChange('AWS::S3::Bucket', 'deleted-bucket');
    await expect(analyzer()(event, context)).rejects.toThrow(new EventError('rule invocation: Config has no configuration item for AWS::S3::Bucket deleted-bucket'));
    expect(calls.of(GetResourceConfigHistoryCommand)).toEqual([expect.objectContaining({ error: expect.objectContaining({ name: 'ResourceNotDiscoveredException' }) })]);
    expect(putCalls()).toEqual([]);
  });

  test('an oversized change fails the invocation when Config cannot answer, for Lambda to retry', async () => {
    const unreachable = new ConfigServiceClient({ ...moto().clientConfig, endpoint: await closedEndpoint(), maxAttempts: 1 });
    config.destroy();
    config = unreachable;
    await expect(analyzer()(oversizedChange('AWS::S3::Bucket', 'compliance-logs'), context)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('a periodic invocation pages every recorded resource and answers in batches of at most 100', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `bucket-${String(i).padStart(3, '0')}`);
    await buckets(names);
    let unprocessedOnce = true;
    answerGap(config, BatchGetResourceConfigCommand, async (input, toMoto) => {
      const answer = await toMoto(input);
      if (!unprocessedOnce) {
        return answer;
      }
      // The first call leaves its last key unprocessed, as Config does under load.
      unprocessedOnce = false;
      const last = input.resourceKeys!.at(-1)!;
      return {
        baseConfigurationItems: answer.baseConfigurationItems!.filter((item) => item.resourceId !== last.resourceId),
        unprocessedResourceKeys: [last],
      };
    });
    const event = invocation('powertools-awsConfigRuleScheduled.json', 's3-bucket-versioning-enabled-test', { ruleParameters: '{}' });
    await analyzer()(event, context);

    // moto pages its inventory 100 at a time: 100, 100, 50; the key left unprocessed is asked again.
    const listed = calls.of(ListDiscoveredResourcesCommand);
    expect(listed.every((call) => call.input.resourceType === 'AWS::S3::Bucket')).toBe(true);
    expect(listed.map((call) => call.output!.resourceIdentifiers!.length)).toEqual([100, 100, 50]);
    const batches = calls.of(BatchGetResourceConfigCommand).map((call) => call.input.resourceKeys!.length);
    expect(batches).toEqual([100, 1, 100, 50]);
    const puts = putCalls();
    expect(puts.length).toBeLessThanOrEqual(Math.ceil(250 / 100));
    const evaluations = puts.flatMap((put) => put.Evaluations!);
    expect(evaluations.map((evaluation) => evaluation.ComplianceResourceId).sort()).toEqual(names);
    // Each bucket judged on the item moto answered for it.
    const rule = compileRule({ ruleName: 's3-bucket-versioning-enabled', parameters: {} });
    const judged = calls.of(BatchGetResourceConfigCommand).flatMap((call) => call.output!.baseConfigurationItems!).map((raw) => {
      const verdict = evaluate(toConfigurationItem(raw)!, rule);
      return [raw.resourceId, verdict.complianceType, verdict.annotation];
    });
    expect(evaluations.map((evaluation) => [evaluation.ComplianceResourceId, evaluation.ComplianceType, evaluation.Annotation]).sort())
      .toEqual(judged.sort());
    expect(puts.every((put) => put.ResultToken === event.resultToken && put.Evaluations!.length <= 100)).toBe(true);
  }, 30_000);

  test('keys BatchGetResourceConfig never processes fail the invocation loudly', async () => {
    await buckets(['bucket-1']);
    answerGap(config, BatchGetResourceConfigCommand, (input) => ({ baseConfigurationItems: [], unprocessedResourceKeys: input.resourceKeys }));
    const event = invocation('powertools-awsConfigRuleScheduled.json', 's3-bucket-versioning-enabled-test', { ruleParameters: '{}' });
    await expect(analyzer()(event, context)).rejects.toThrow('BatchGetResourceConfig left 1 resources unprocessed after 5 attempts');
  });

  test('evaluations Config rejects fail the invocation loudly', async () => {
    rejected = (evaluations) => evaluations.slice(0, 1);
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}' });
    await expect(analyzer()(event, context)).rejects.toThrow('PutEvaluations rejected 1 of 1 evaluations (first: AWS::EC2::Instance i-042dd005362091826)');
  });

  test.each([
    [{ configRuleName: 'someone-elses-rule' }, EventError, 'rule invocation: "someone-elses-rule" is not a rule of this monitor'],
    [{ ruleParameters: '{"instanceType":""}', configRuleName: 'desired-instance-type-test' }, RuleSpecError, 'rule "desired-instance-type"'],
    [{ invokingEvent: 'not json' }, EventError, 'rule invocation: invokingEvent is not a JSON object'],
    [{ invokingEvent: '{"messageType":"SomethingElse"}' }, EventError, 'invokingEvent.messageType "SomethingElse" is not one of'],
  ])('a bad invocation is refused, naming what is wrong (%#)', async (changes, type, message) => {
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}', ...changes });
    await expect(analyzer()(event, context)).rejects.toThrow(type);
    await expect(analyzer()(event, context)).rejects.toThrow(message);
    expect(putCalls()).toEqual([]);
  });

  test('the real invocation events decode', () => {
    expect(ruleInvocationOf(fixture('rule-invocation-events/powertools-awsConfigRuleScheduled.json'))).toMatchObject({
      kind: 'ScheduledNotification', configRuleName: 'rule-ec2-test', ruleParameters: { test: 'x' }, eventLeftScope: false,
    });
    expect(ruleInvocationOf(fixture('rule-invocation-events/awsdocs-change-triggered-event.json')).kind).toBe('ConfigurationItemChangeNotification');
  });
});

describe('what moto lacks (MOTO_GAPS)', () => {
  test.each(Object.keys(MOTO_GAPS) as Array<keyof typeof MOTO_GAPS>)('%s is still a gap of the pinned moto', async (gap) => {
    const plain = new ConfigServiceClient({ ...moto().clientConfig, maxAttempts: 1 });
    readMotoConfigTimestamps(plain);
    try {
      await GAP_PROBES[gap](moto(), plain);
    } finally {
      plain.destroy();
    }
  });
});
