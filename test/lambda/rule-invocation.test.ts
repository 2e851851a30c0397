import {
  BatchGetResourceConfigCommand, ConfigServiceClient, GetResourceConfigHistoryCommand, ListDiscoveredResourcesCommand, PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createAnalyzer } from '../../lambda/analyzer/analyzer';
import { ruleInvocationOf } from '../../lambda/evaluations/rule-invocation';
import { FindingStore } from '../../lambda/findings/finding-store';
import { RuleSpecError } from '../../src/core/engine';
import { EventError } from '../../src/core/findings/compliance-change';
import { Severity } from '../../src/core/rules/severity';
import { fixture } from '../support/fixtures';
import { silentLogger, untraced } from '../support/observability';

const config = mockClient(ConfigServiceClient);
const context = { awsRequestId: 'req-2' } as Context;
const metricLines: any[] = [];
const RULES = [
  { configRuleName: 'ec2-imdsv2-check-test', ruleName: 'ec2-imdsv2-check', severity: Severity.HIGH, evaluationMode: 'ENGINE' },
  { configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: Severity.CRITICAL, evaluationMode: 'ENGINE' },
  { configRuleName: 'desired-instance-type-test', ruleName: 'desired-instance-type', severity: Severity.LOW, evaluationMode: 'ENGINE' },
];

function analyzer() {
  return createAnalyzer({
    // Rule invocations touch neither the findings table nor SNS.
    store: new FindingStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' })), 'unused', 1),
    sns: new SNSClient({ region: 'eu-west-1' }),
    config: new ConfigServiceClient({ region: 'eu-west-1' }),
    lambda: new LambdaClient({ region: 'eu-west-1' }),
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

function putCalls() {
  return config.commandCalls(PutEvaluationsCommand).map((call) => call.args[0].input);
}

/** A security group as BatchGetResourceConfig returns it: `configuration` as a JSON string. */
function baseSecurityGroup(id: string, openToWorld: boolean): any {
  return {
    version: '1.3',
    accountId: '123456789012',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: id,
    awsRegion: 'eu-west-1',
    configurationItemStatus: 'OK',
    configuration: JSON.stringify({
      groupId: id,
      ipPermissions: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: openToWorld ? '0.0.0.0/0' : '10.0.0.0/8' }] }],
    }),
    supplementaryConfiguration: {},
  };
}

beforeEach(() => {
  config.reset();
  config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
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
    const rdkInstance = fixture('configuration-items/rdk-example-AWS_EC2_Instance.json');
    config.on(GetResourceConfigHistoryCommand, { resourceType: 'AWS::EC2::Instance', resourceId: 'i-00000000', limit: 1 })
      .resolves({ configurationItems: [{ ...rdkInstance, resourceId: 'i-00000000', configuration: JSON.stringify(rdkInstance.configuration) }] });
    const event = invocation('powertools-awsConfigRuleOversizedConfiguration.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}' });
    await analyzer()(event, context);
    expect(config.commandCalls(GetResourceConfigHistoryCommand)).toHaveLength(1);
    expect(putCalls()[0].Evaluations).toEqual([expect.objectContaining({
      ComplianceResourceType: 'AWS::EC2::Instance', ComplianceResourceId: 'i-00000000', OrderingTimestamp: new Date('2016-10-06T16:46:16.261Z'),
    })]);
  });

  test('an oversized change of a resource Config no longer has fails with what is missing', async () => {
    config.on(GetResourceConfigHistoryCommand).resolves({ configurationItems: [] });
    const event = invocation('powertools-awsConfigRuleOversizedConfiguration.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}' });
    await expect(analyzer()(event, context)).rejects.toThrow('rule invocation: Config has no configuration item for AWS::EC2::Instance i-00000000');
  });

  test('a periodic invocation pages every recorded resource and answers in batches of at most 100', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `sg-${String(i).padStart(8, '0')}`);
    const pages = [ids.slice(0, 120), ids.slice(120, 240), ids.slice(240)];
    config.on(ListDiscoveredResourcesCommand, { resourceType: 'AWS::EC2::SecurityGroup', nextToken: undefined })
      .resolves({ resourceIdentifiers: pages[0].map((resourceId) => ({ resourceId })), nextToken: 'page-2' });
    config.on(ListDiscoveredResourcesCommand, { resourceType: 'AWS::EC2::SecurityGroup', nextToken: 'page-2' })
      .resolves({ resourceIdentifiers: pages[1].map((resourceId) => ({ resourceId })), nextToken: 'page-3' });
    config.on(ListDiscoveredResourcesCommand, { resourceType: 'AWS::EC2::SecurityGroup', nextToken: 'page-3' })
      .resolves({ resourceIdentifiers: pages[2].map((resourceId) => ({ resourceId })) });
    let unprocessedOnce = true;
    config.on(BatchGetResourceConfigCommand).callsFake(({ resourceKeys }) => {
      // The first call leaves its last key unprocessed, as Config does under load.
      const processed = unprocessedOnce ? resourceKeys.slice(0, -1) : resourceKeys;
      const unprocessed = unprocessedOnce ? resourceKeys.slice(-1) : [];
      unprocessedOnce = false;
      const items = processed.map((key: any) => baseSecurityGroup(key.resourceId, Number(key.resourceId.slice(3)) % 10 === 0));
      return { baseConfigurationItems: items, unprocessedResourceKeys: unprocessed };
    });
    const event = invocation('powertools-awsConfigRuleScheduled.json', 'restricted-ssh-test', { ruleParameters: '{}' });
    await analyzer()(event, context);

    const batches = config.commandCalls(BatchGetResourceConfigCommand).map((call) => call.args[0].input.resourceKeys!.length);
    expect(batches).toEqual([100, 1, 20, 100, 20, 10]);
    const puts = putCalls();
    expect(puts.length).toBeLessThanOrEqual(Math.ceil(250 / 100));
    const evaluations = puts.flatMap((put) => put.Evaluations!);
    expect(evaluations.map((evaluation) => evaluation.ComplianceResourceId).sort()).toEqual(ids);
    expect(evaluations.filter((evaluation) => evaluation.ComplianceType === 'NON_COMPLIANT')).toHaveLength(25);
    expect(puts.every((put) => put.ResultToken === event.resultToken && put.Evaluations!.length <= 100)).toBe(true);
  });

  test('keys BatchGetResourceConfig never processes fail the invocation loudly', async () => {
    config.on(ListDiscoveredResourcesCommand).resolves({ resourceIdentifiers: [{ resourceId: 'sg-1' }] });
    config.on(BatchGetResourceConfigCommand).resolves({ baseConfigurationItems: [], unprocessedResourceKeys: [{ resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1' }] });
    const event = invocation('powertools-awsConfigRuleScheduled.json', 'restricted-ssh-test', { ruleParameters: '{}' });
    await expect(analyzer()(event, context)).rejects.toThrow('BatchGetResourceConfig left 1 resources unprocessed after 5 attempts');
  });

  test('evaluations Config rejects fail the invocation loudly', async () => {
    config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [{ ComplianceResourceType: 'AWS::EC2::Instance', ComplianceResourceId: 'i-1', ComplianceType: 'COMPLIANT', OrderingTimestamp: new Date() }] });
    const event = invocation('powertools-awsConfigRuleConfigurationChanged.json', 'ec2-imdsv2-check-test', { ruleParameters: '{}' });
    await expect(analyzer()(event, context)).rejects.toThrow('PutEvaluations rejected 1 of 1 evaluations (first: AWS::EC2::Instance i-1)');
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
