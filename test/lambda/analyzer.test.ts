import {
  ComplianceType, ConfigServiceClient, EvaluationResult, GetComplianceDetailsByConfigRuleCommand, SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, DeleteTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { SUBJECT_MAX_LENGTH } from '../../lambda/alerts/alert-message';
import { AnalyzerDependencies, createAnalyzer } from '../../lambda/analyzer/analyzer';
import { FindingStore, historyKey } from '../../lambda/findings/finding-store';
import { remediationRequestOf } from '../../lambda/remediation/remediation-request';
import { complianceChangeOf, EventError } from '../../src/core/findings/compliance-change';
import { Severity } from '../../src/core/rules/severity';
import type { DeployedExemption } from '../../src/core/settings/deployed-rule';
import { FINDINGS_TABLE_SCHEMA } from '../../src/core/storage/findings-schema';
import { closedEndpoint } from '../support/closed-endpoint';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { fixture } from '../support/fixtures';
import { MotoServer, startMoto } from '../support/moto';
import { answerGap, CallLog, callLog } from '../support/moto-gaps';
import { capturedLogger, untraced } from '../support/observability';

const TABLE = 'compliance-findings-test';
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-test';
const RULES = [
  { configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: Severity.CRITICAL, evaluationMode: 'MANAGED' },
  { configRuleName: 'required-tags-test', ruleName: 'required-tags', severity: Severity.LOW, evaluationMode: 'MANAGED' },
];

/**
 * A "Config Rules Compliance Change" event built from AWS's documented compliance-change
 * notification, whose message fields are the EventBridge event's detail.
 */
function complianceChangeEvent(options: { rule?: string; compliance?: string; recordedAt?: string; resourceId?: string } = {}): any {
  const detail = structuredClone(fixture('sns-notifications/awsdocs-compliance-change-notification.sns.json').Message);
  const rule = options.rule ?? 'restricted-ssh-test';
  const resourceId = options.resourceId ?? 'sg-0123456789abcdef0';
  Object.assign(detail, { configRuleName: rule, resourceType: 'AWS::EC2::SecurityGroup', resourceId });
  Object.assign(detail.newEvaluationResult.evaluationResultIdentifier.evaluationResultQualifier, { configRuleName: rule, resourceType: 'AWS::EC2::SecurityGroup', resourceId });
  detail.newEvaluationResult.complianceType = options.compliance ?? 'NON_COMPLIANT';
  detail.newEvaluationResult.annotation = 'SSH (TCP 22) is open to 0.0.0.0/0 through TCP 22';
  detail.newEvaluationResult.resultRecordedTime = options.recordedAt ?? '2026-11-23T10:00:00.000Z';
  return {
    'version': '0',
    'id': 'c1a7f1e2-0000-4000-8000-000000000001',
    'detail-type': 'Config Rules Compliance Change',
    'source': 'aws.config',
    'account': detail.awsAccountId,
    'time': detail.notificationCreationTime,
    'region': detail.awsRegion,
    'resources': [],
    detail,
  };
}

const context = { awsRequestId: 'req-1' } as Context;
const sweepContext = { awsRequestId: 'req-sweep', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:compliance-analyzer-test' } as Context;
const sweepEvent = {
  'version': '0',
  'id': 'sweep-1',
  'detail-type': 'Scheduled Event',
  'source': 'aws.events',
  'account': '123456789012',
  'time': '2026-11-23T12:00:00Z',
  'region': 'eu-west-1',
  'resources': ['arn:aws:events:eu-west-1:123456789012:rule/compliance-scan-test'],
  'detail': {},
};

let moto: MotoServer;
let dynamo: LocalDynamoDb;
let logLines: any[];
let metricLines: any[];
let sns: SNSClient;
let sqs: SQSClient;
let alertQueueUrl: string;
let config: ConfigServiceClient;
let configCalls: CallLog;
let lambda: LambdaClient;
let lambdaCalls: CallLog;
/** Config's results by rule, which the sweep reads with GetComplianceDetailsByConfigRule (a gap of moto, see MOTO_GAPS). */
let reports: Map<string, EvaluationResult[]>;

function configReports(rule: string, results: Array<[string, string]>): void {
  reports.set(rule, results.map(([resourceId, complianceType]) => ({
    EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: 'AWS::EC2::SecurityGroup', ResourceId: resourceId } },
    ComplianceType: complianceType as ComplianceType,
    ResultRecordedTime: new Date('2026-11-23T11:00:00Z'),
    Annotation: `${complianceType} by Config`,
  })));
}

/** What SNS delivers to an SQS subscriber (raw delivery off): the message in its envelope. */
interface SnsEnvelope {
  readonly Type: string;
  readonly TopicArn: string;
  readonly Subject?: string;
  readonly Message: string;
  readonly MessageAttributes?: Record<string, unknown>;
}

/** The SNS notifications delivered to the alert topic's queue since the last call. */
async function deliveredAlerts(): Promise<SnsEnvelope[]> {
  let envelopes: SnsEnvelope[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: alertQueueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) {
      return envelopes;
    }
    envelopes = envelopes.concat(Messages.map((message) => JSON.parse(message.Body!)));
  }
}

function analyzer(store: FindingStore = new FindingStore(dynamo.documents, TABLE, 2557), overrides: Partial<AnalyzerDependencies> = {}) {
  const { logger, lines } = capturedLogger('analyzer');
  logLines = lines;
  metricLines = [];
  return createAnalyzer({
    store,
    sns,
    config,
    lambda,
    remediatorFunction: 'compliance-remediator-test',
    alertTopicArn: TOPIC,
    rules: RULES,
    alertSeverity: Severity.HIGH,
    digestThreshold: 10,
    environmentSuffix: 'test',
    emitMetrics: (line) => metricLines.push(JSON.parse(line)),
    logger,
    tracer: untraced(),
    ...overrides,
  });
}

async function rowsOf(resourceId: string): Promise<any[]> {
  const result = await dynamo.documents.send(new QueryCommand({
    TableName: TABLE, KeyConditionExpression: 'resourceId = :id', ExpressionAttributeValues: { ':id': resourceId },
  }));
  return result.Items ?? [];
}

async function currentFindings(rule: string): Promise<any[]> {
  const result = await dynamo.documents.send(new QueryCommand({
    TableName: TABLE,
    IndexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex,
    KeyConditionExpression: 'currentRule = :rule',
    ExpressionAttributeValues: { ':rule': rule },
  }));
  return result.Items ?? [];
}

beforeAll(async () => {
  [moto, dynamo] = await Promise.all([startMoto(), startDynalite()]);
  // moto's Lambda without Docker: it accepts an invocation and answers with the payload it received.
  const answer = await fetch(`${moto.endpoint}/moto-api/config`, { method: 'POST', body: JSON.stringify({ lambda: { use_docker: false } }) });
  expect(answer.status).toBe(201);
});
afterAll(async () => {
  await Promise.all([moto.stop(), dynamo.close()]);
});
beforeEach(async () => {
  await moto.reset();
  sns = new SNSClient(moto.clientConfig);
  sqs = new SQSClient(moto.clientConfig);
  // The alert topic as the construct makes it, and a queue subscribed to it that receives what it delivers.
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'compliance-alerts-test' }));
  expect(TopicArn).toBe(TOPIC);
  alertQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'compliance-alerts-test-inbox' }))).QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: alertQueueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
  config = new ConfigServiceClient(moto.clientConfig);
  configCalls = callLog(config);
  reports = new Map(RULES.map((rule) => [rule.configRuleName, []]));
  answerGap(config, GetComplianceDetailsByConfigRuleCommand, (input) => ({ EvaluationResults: reports.get(input.ConfigRuleName!) }));
  lambda = new LambdaClient(moto.clientConfig);
  lambdaCalls = callLog(lambda);
  await createFindingsTable(dynamo.client, TABLE);
});
afterEach(async () => {
  for (const client of [sns, sqs, config, lambda]) {
    client.destroy();
  }
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
});

describe('compliance change events', () => {
  test('the documented notification, as an EventBridge event, reads as one change', () => {
    expect(complianceChangeOf(complianceChangeEvent())).toEqual({
      configRuleName: 'restricted-ssh-test',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-0123456789abcdef0',
      awsAccountId: '123456789012',
      awsRegion: 'us-east-2',
      newComplianceType: 'NON_COMPLIANT',
      oldComplianceType: 'NON_COMPLIANT',
      annotation: 'SSH (TCP 22) is open to 0.0.0.0/0 through TCP 22',
      recordedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  test.each([
    [{ 'detail-type': 'Config Rules Compliance Change' }, 'compliance change event: detail is missing'],
    [{ detail: { newEvaluationResult: {} } }, 'detail.newEvaluationResult.complianceType is missing'],
    [{ detail: { newEvaluationResult: { complianceType: 'MAYBE' } } }, 'complianceType "MAYBE" is not one of'],
    [{ detail: { newEvaluationResult: { complianceType: 'COMPLIANT', resultRecordedTime: 'yesterday' } } }, 'resultRecordedTime is missing or not a time'],
  ])('a malformed event is refused with what is missing (%#)', (event, message) => {
    expect(() => complianceChangeOf(event)).toThrow(EventError);
    expect(() => complianceChangeOf(event)).toThrow(message);
  });

  test('a new violation is recorded in the history and as the current state, and alerted once', async () => {
    await analyzer()(complianceChangeEvent(), context);

    const rows = await rowsOf('sg-0123456789abcdef0');
    expect(rows.map((row) => row.timestamp).sort()).toEqual(['2026-11-23T10:00:00.000Z#restricted-ssh-test', 'CURRENT#restricted-ssh-test']);
    const [current] = await currentFindings('restricted-ssh-test');
    expect(current).toMatchObject({
      resourceId: 'sg-0123456789abcdef0',
      resourceType: 'AWS::EC2::SecurityGroup',
      complianceType: 'NON_COMPLIANT',
      severity: 'CRITICAL',
      awsAccountId: '123456789012',
      awsRegion: 'us-east-2',
      recordedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(current.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2556 * 86400);

    const delivered = await deliveredAlerts();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ Type: 'Notification', TopicArn: TOPIC });
    expect(delivered[0].Subject).toBe('[CRITICAL] AWS::EC2::SecurityGroup sg-0123456789abcdef0 violates restricted-ssh-test');
    expect(delivered[0].Subject!.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
    // The analyzer sets no message attributes: subscribers filter on nothing but the topic.
    expect(delivered[0].MessageAttributes).toBeUndefined();
    for (const part of ['restricted-ssh-test', 'sg-0123456789abcdef0', 'SSH (TCP 22) is open to 0.0.0.0/0', 'CRITICAL',
      'https://us-east-2.console.aws.amazon.com/config/home?region=us-east-2#/resources/details?resourceId=sg-0123456789abcdef0&resourceType=AWS%3A%3AEC2%3A%3ASecurityGroup']) {
      expect(delivered[0].Message).toContain(part);
    }
  });

  test('the same event delivered twice writes one history row and alerts once', async () => {
    const handler = analyzer();
    await handler(complianceChangeEvent(), context);
    await handler(complianceChangeEvent(), context);
    expect(await rowsOf('sg-0123456789abcdef0')).toHaveLength(2);
    expect(await deliveredAlerts()).toHaveLength(1);
  });

  test('a violation that persists is not alerted again', async () => {
    const handler = analyzer();
    await handler(complianceChangeEvent({ recordedAt: '2026-11-23T10:00:00.000Z' }), context);
    await handler(complianceChangeEvent({ recordedAt: '2026-11-23T16:00:00.000Z' }), context);
    expect(await rowsOf('sg-0123456789abcdef0')).toHaveLength(3);
    expect(await deliveredAlerts()).toHaveLength(1);
  });

  test('out-of-order delivery: a late, older change stays in the history and leaves the current state right', async () => {
    const handler = analyzer();
    await handler(complianceChangeEvent({ compliance: 'COMPLIANT', recordedAt: '2026-11-23T12:00:00.000Z' }), context);
    await handler(complianceChangeEvent({ compliance: 'NON_COMPLIANT', recordedAt: '2026-11-23T10:00:00.000Z' }), context);
    const [current] = await currentFindings('restricted-ssh-test');
    expect(current).toMatchObject({ complianceType: 'COMPLIANT', recordedAt: '2026-11-23T12:00:00.000Z' });
    expect(await rowsOf('sg-0123456789abcdef0')).toHaveLength(3);
    expect(await deliveredAlerts()).toEqual([]);
  });

  test('a redelivery after a failure between the two writes still brings the current state up to date', async () => {
    const event = complianceChangeEvent();
    await dynamo.documents.send(new PutCommand({
      TableName: TABLE, Item: { resourceId: 'sg-0123456789abcdef0', timestamp: historyKey(complianceChangeOf(event)), newComplianceType: 'NON_COMPLIANT' },
    }));
    await analyzer()(event, context);
    expect(await currentFindings('restricted-ssh-test')).toHaveLength(1);
    expect(await deliveredAlerts()).toHaveLength(1);
  });

  test('violations below the alert severity are recorded, not alerted', async () => {
    await analyzer()(complianceChangeEvent({ rule: 'required-tags-test' }), context);
    expect(await currentFindings('required-tags-test')).toHaveLength(1);
    expect(await deliveredAlerts()).toEqual([]);
  });

  test('when SNS refuses the alert (its topic is gone), the finding is still recorded, and the alert is logged in full', async () => {
    await sns.send(new DeleteTopicCommand({ TopicArn: TOPIC }));
    const refusal = await sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'probe' })).catch((error: Error) => error);
    expect(refusal).toMatchObject({ name: 'NotFoundException' });
    await analyzer()(complianceChangeEvent(), context);
    expect(await currentFindings('restricted-ssh-test')).toHaveLength(1);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'alert not published',
      correlationId: 'req-1',
      error: expect.objectContaining({ name: 'NotFoundException', message: (refusal as Error).message, stack: expect.stringContaining(`${(refusal as Error).message}\n    at `) }),
      subject: '[CRITICAL] AWS::EC2::SecurityGroup sg-0123456789abcdef0 violates restricted-ssh-test',
    }));
  });

  test('a malformed event fails the invocation, for the dead-letter queue, and is logged with its source', async () => {
    const handler = analyzer();
    const event = { 'source': 'aws.config', 'detail-type': 'Config Rules Compliance Change', 'detail': { newEvaluationResult: {} } };
    await expect(handler(event, context)).rejects.toThrow(EventError);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'event failed',
      source: 'aws.config',
      correlationId: 'req-1',
      error: expect.objectContaining({
        name: 'Error',
        message: 'compliance change event: detail.newEvaluationResult.complianceType is missing',
        stack: expect.stringContaining('compliance-change.ts'),
      }),
    }));
  });
});

describe('the scheduled sweep', () => {
  test('records what events missed, alerts each new violation, and writes the compliance metrics', async () => {
    configReports('restricted-ssh-test', [['sg-1', 'NON_COMPLIANT'], ['sg-2', 'COMPLIANT']]);
    configReports('required-tags-test', [['sg-1', 'COMPLIANT'], ['sg-2', 'COMPLIANT']]);
    await analyzer()(sweepEvent, sweepContext);

    expect((await currentFindings('restricted-ssh-test')).map((finding) => [finding.resourceId, finding.complianceType, finding.awsAccountId, finding.awsRegion]))
      .toEqual([['sg-1', 'NON_COMPLIANT', '123456789012', 'eu-west-1'], ['sg-2', 'COMPLIANT', '123456789012', 'eu-west-1']]);
    expect((await deliveredAlerts()).map((alert) => alert.Subject))
      .toEqual(['[CRITICAL] AWS::EC2::SecurityGroup sg-1 violates restricted-ssh-test']);
    expect(metricLines[0]).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'ComplianceMonitor', Dimensions: [['EnvironmentSuffix']] }] },
      EnvironmentSuffix: 'test',
      CompliancePercentage: 75,
      EvaluationsWritten: 4,
    });
    expect(metricLines.slice(1)).toEqual([
      expect.objectContaining({ ConfigRuleName: 'restricted-ssh-test', CompliancePercentage: 50, NonCompliantResources: 1 }),
      expect.objectContaining({ ConfigRuleName: 'required-tags-test', CompliancePercentage: 100, NonCompliantResources: 0 }),
    ]);
  });

  test('a second sweep over the same results writes nothing and alerts nothing', async () => {
    configReports('restricted-ssh-test', [['sg-1', 'NON_COMPLIANT']]);
    await analyzer()(sweepEvent, sweepContext);
    await analyzer()(sweepEvent, sweepContext);
    expect(await rowsOf('sg-1')).toHaveLength(2);
    expect(await deliveredAlerts()).toHaveLength(1);
    expect(metricLines[0].EvaluationsWritten).toBe(0);
  });

  test('a finding Config no longer reports is resolved and leaves the current-findings index', async () => {
    configReports('restricted-ssh-test', [['sg-9', 'NON_COMPLIANT']]);
    await analyzer()(sweepEvent, sweepContext);
    const { violatedSince } = (await rowsOf('sg-9')).find((row) => row.timestamp === 'CURRENT#restricted-ssh-test')!;
    expect(violatedSince).toEqual(expect.any(String));
    configReports('restricted-ssh-test', []);
    await analyzer()(sweepEvent, sweepContext);
    expect(await currentFindings('restricted-ssh-test')).toEqual([]);
    const rows = await rowsOf('sg-9');
    expect(rows.find((row) => row.timestamp === 'CURRENT#restricted-ssh-test')).toMatchObject({ complianceType: 'RESOLVED' });
    // The history row says when the violation it ends began, for a period report that reads only later months.
    expect(rows.filter((row) => row.newComplianceType === 'RESOLVED')).toEqual([
      expect.objectContaining({ oldComplianceType: 'NON_COMPLIANT', oldViolatedSince: violatedSince }),
    ]);
  });

  test('many new violations at once send one digest instead of a flood', async () => {
    configReports('restricted-ssh-test', Array.from({ length: 12 }, (_, i): [string, string] => [`sg-${i}`, 'NON_COMPLIANT']));
    await analyzer()(sweepEvent, sweepContext);
    const delivered = await deliveredAlerts();
    expect(delivered).toHaveLength(1);
    expect(delivered[0].Subject).toBe('12 new compliance violations (12 CRITICAL)');
    expect(delivered[0].Message.split('\n').filter((line) => line.startsWith('[CRITICAL] restricted-ssh-test'))).toHaveLength(12);
  });

  test('items BatchWriteItem leaves unprocessed are written on retry, within ceil(N/25) calls plus retries', async () => {
    configReports('restricted-ssh-test', Array.from({ length: 30 }, (_, i): [string, string] => [`sg-${i}`, 'COMPLIANT']));
    let batchCalls = 0;
    let injected = false;
    // The real client underneath (the SDK's paginators take only a document client), its writes intercepted.
    const flaky: DynamoDBDocumentClient = Object.assign(Object.create(dynamo.documents), {
      send: async (command: any) => {
        if (command instanceof BatchWriteCommand) {
          batchCalls++;
          const requests = command.input.RequestItems![TABLE];
          if (!injected && requests.length > 1) {
            injected = true;
            await dynamo.documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests.slice(0, 5) } }));
            return { UnprocessedItems: { [TABLE]: requests.slice(5) } };
          }
        }
        return dynamo.documents.send(command);
      },
    });
    await analyzer(new FindingStore(flaky, TABLE, 2557, async () => undefined))(sweepEvent, sweepContext);
    expect(await currentFindings('restricted-ssh-test')).toHaveLength(30);
    expect(batchCalls).toBe(Math.ceil(60 / 25) + 1);
  });

  test('items never written fail the sweep loudly', async () => {
    configReports('restricted-ssh-test', [['sg-1', 'COMPLIANT']]);
    const refusing: DynamoDBDocumentClient = Object.assign(Object.create(dynamo.documents), {
      send: async (command: any) => command instanceof BatchWriteCommand
        ? { UnprocessedItems: command.input.RequestItems }
        : dynamo.documents.send(command),
    });
    await expect(analyzer(new FindingStore(refusing, TABLE, 2557, async () => undefined))(sweepEvent, sweepContext))
      .rejects.toThrow('BatchWriteItem left 2 findings unwritten after 8 attempts');
  });

  test('an event the analyzer does not handle fails, for the dead-letter queue', async () => {
    await expect(analyzer()({ source: 'aws.s3' }, sweepContext)).rejects.toThrow('not an event the analyzer handles');
    expect(logLines).toContainEqual(expect.objectContaining({ level: 'ERROR', source: 'aws.s3' }));
  });
});

describe('exemptions', () => {
  const BY_ID = { resourceIds: ['sg-0123456789abcdef0'], reason: 'RISK-42: bastion host' };
  const BY_TAG = { tag: { key: 'compliance-exempt', value: 'bastion' }, reason: 'RISK-43: tagged bastions' };
  const exempting = (...exemptions: DeployedExemption[]) => ({ rules: [{ ...RULES[0], exemptions, autoRemediate: true as const }, RULES[1]] });
  const at = (time: string) => ({ now: () => new Date(time) });

  test('a violation of an exempt resource is recorded EXEMPT with its reason, never alerted or remediated', async () => {
    await analyzer(undefined, exempting(BY_ID))(complianceChangeEvent(), context);
    expect(await currentFindings('restricted-ssh-test')).toEqual([expect.objectContaining({ complianceType: 'EXEMPT', exemptionReason: 'RISK-42: bastion host' })]);
    expect(await deliveredAlerts()).toEqual([]);
    expect(lambdaCalls.of(InvokeCommand)).toHaveLength(0);
  });

  test('by tag: Config\'s inventory says which resources carry it, asked only about violations', async () => {
    // Config's advanced query, a gap of moto (MOTO_GAPS): two pages of results, as JSON texts.
    answerGap(config, SelectResourceConfigCommand, (input) => (input.NextToken === undefined
      ? { Results: ['{"resourceId":"sg-other"}'], NextToken: 'page-2' }
      : { Results: ['{"resourceId":"sg-0123456789abcdef0"}'] }));
    await analyzer(undefined, exempting(BY_TAG))(complianceChangeEvent({ compliance: 'COMPLIANT', recordedAt: '2026-11-23T09:00:00.000Z' }), context);
    expect(configCalls.of(SelectResourceConfigCommand)).toHaveLength(0);
    await analyzer(undefined, exempting(BY_TAG))(complianceChangeEvent(), context);
    expect(configCalls.of(SelectResourceConfigCommand).map((call) => call.input.Expression))
      .toEqual(Array(2).fill("SELECT resourceId WHERE tags.tag = 'compliance-exempt=bastion'"));
    expect(await currentFindings('restricted-ssh-test')).toEqual([expect.objectContaining({ complianceType: 'EXEMPT', exemptionReason: BY_TAG.reason })]);
    expect(await deliveredAlerts()).toEqual([]);
  });

  test('an expired exemption stops applying on its own: the next sweep records the violation from the expiry, and alerts it', async () => {
    const expiring = exempting({ ...BY_ID, expiresAt: '2026-11-24T00:00:00.000Z' });
    await analyzer(undefined, { ...expiring, ...at('2026-11-23T12:00:00Z') })(complianceChangeEvent({ recordedAt: '2026-11-23T11:00:00.000Z' }), context);
    configReports('restricted-ssh-test', [['sg-0123456789abcdef0', 'NON_COMPLIANT']]);
    await analyzer(undefined, { ...expiring, ...at('2026-11-23T18:00:00Z') })(sweepEvent, sweepContext);
    expect(await deliveredAlerts()).toEqual([]);

    await analyzer(undefined, { ...expiring, ...at('2026-11-24T06:00:00Z') })(sweepEvent, sweepContext);
    expect(await currentFindings('restricted-ssh-test')).toEqual([expect.objectContaining({
      complianceType: 'NON_COMPLIANT', recordedAt: '2026-11-24T00:00:00.000Z', violatedSince: '2026-11-24T00:00:00.000Z',
    })]);
    expect((await deliveredAlerts()).map((alert) => alert.Subject))
      .toEqual(['[CRITICAL] AWS::EC2::SecurityGroup sg-0123456789abcdef0 violates restricted-ssh-test']);
    expect(lambdaCalls.of(InvokeCommand).map((call) => call.output?.StatusCode)).toEqual([202]);
    const history = (await rowsOf('sg-0123456789abcdef0')).filter((row) => row.newComplianceType).map((row) => [row.oldComplianceType, row.newComplianceType]);
    // The event's old state is Config's (the documented notification says NON_COMPLIANT); the sweep's is the table's.
    expect(history).toEqual([['NON_COMPLIANT', 'EXEMPT'], ['EXEMPT', 'NON_COMPLIANT']]);
  });

  test('an exemption about to end: one notice, with its rule, what it covers, approver and ticket, however many sweeps see it', async () => {
    const soon = { ...BY_ID, approvedBy: 'Jane Doe (CISO)', ticket: 'RISK-42', expiresAt: '2026-12-01T00:00:00.000Z' };
    const later = { ...BY_TAG, expiresAt: '2027-06-01T00:00:00.000Z' };
    const noticing = { ...exempting(soon, later), exemptionNoticeDays: 14 };
    configReports('restricted-ssh-test', []);
    await analyzer(undefined, { ...noticing, ...at('2026-11-23T12:00:00Z') })(sweepEvent, sweepContext);
    const [notice, ...others] = await deliveredAlerts();
    expect(others).toEqual([]);
    expect(notice.Subject).toBe('[EXEMPTION ENDS 2026-11-30] restricted-ssh-test: RISK-42: bastion host');
    for (const line of ['Covers:      resources sg-0123456789abcdef0', 'Approved by: Jane Doe (CISO)', 'Ticket:      RISK-42', 'from 2026-12-01T00:00:00.000Z']) {
      expect(notice.Message).toContain(line);
    }
    // The next sweeps, even days later, send it no more; without notice days (or with the exemption ended) none is sent.
    await analyzer(undefined, { ...noticing, ...at('2026-11-25T12:00:00Z') })(sweepEvent, sweepContext);
    await analyzer(undefined, { ...noticing, ...at('2026-12-02T12:00:00Z') })(sweepEvent, sweepContext);
    expect(await deliveredAlerts()).toEqual([]);
    expect(logLines.find((line) => line.message === 'sweep done')).toMatchObject({ exemptionNoticesSent: 0 });
  });

  test('an exemption added to a known violation applies at the next sweep, without a new result from Config', async () => {
    await analyzer()(complianceChangeEvent({ recordedAt: '2026-11-23T11:00:00.000Z' }), context);
    configReports('restricted-ssh-test', [['sg-0123456789abcdef0', 'NON_COMPLIANT']]);
    await analyzer(undefined, { ...exempting(BY_ID), ...at('2026-11-23T12:00:00Z') })(sweepEvent, sweepContext);
    expect(await currentFindings('restricted-ssh-test')).toEqual([expect.objectContaining({
      complianceType: 'EXEMPT', recordedAt: '2026-11-23T12:00:00.000Z', exemptionReason: BY_ID.reason,
    })]);
    expect(await deliveredAlerts()).toHaveLength(1);
    expect(metricLines.find((line) => line.ConfigRuleName === 'restricted-ssh-test')).toMatchObject({ NonCompliantResources: 0 });
  });
});

describe('remediation requests', () => {
  const remediating = { rules: [{ ...RULES[0], autoRemediate: true as const }, RULES[1]] };

  test('a new violation of a rule that opts in is sent to the remediator, asynchronously, once', async () => {
    await analyzer(undefined, remediating)(complianceChangeEvent(), context);
    await analyzer(undefined, remediating)(complianceChangeEvent(), context);
    const calls = lambdaCalls.of(InvokeCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].input).toMatchObject({ FunctionName: 'compliance-remediator-test', InvocationType: 'Event' });
    // moto accepted the asynchronous request (202), and answered with the payload it received.
    expect(calls[0].output).toMatchObject({ StatusCode: 202 });
    expect(new TextDecoder().decode(calls[0].output!.Payload)).toBe(new TextDecoder().decode(calls[0].input.Payload as Uint8Array));
    expect(remediationRequestOf(JSON.parse(new TextDecoder().decode(calls[0].input.Payload as Uint8Array)))).toEqual({
      configRuleName: 'restricted-ssh-test',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-0123456789abcdef0',
      awsRegion: 'us-east-2',
      annotation: 'SSH (TCP 22) is open to 0.0.0.0/0 through TCP 22',
      correlationId: 'req-1',
    });
  });

  test('rules that do not opt in are never sent; a sweep sends each new violation of those that do', async () => {
    await analyzer()(complianceChangeEvent(), context);
    expect(lambdaCalls.of(InvokeCommand)).toHaveLength(0);
    configReports('restricted-ssh-test', [['sg-1', 'NON_COMPLIANT'], ['sg-2', 'NON_COMPLIANT'], ['sg-3', 'COMPLIANT']]);
    configReports('required-tags-test', [['sg-1', 'NON_COMPLIANT']]);
    await analyzer(undefined, remediating)(sweepEvent, sweepContext);
    const requested = lambdaCalls.of(InvokeCommand)
      .map((call) => JSON.parse(new TextDecoder().decode(call.input.Payload as Uint8Array)).detail);
    expect(requested.map((request) => [request.configRuleName, request.resourceId])).toEqual([['restricted-ssh-test', 'sg-1'], ['restricted-ssh-test', 'sg-2']]);
  });

  test('when the remediator cannot be reached, the finding is still recorded and the request logged in full', async () => {
    const endpoint = await closedEndpoint();
    const unreachable = new LambdaClient({ ...moto.clientConfig, endpoint, maxAttempts: 1 });
    await analyzer(undefined, { ...remediating, lambda: unreachable })(complianceChangeEvent(), context);
    unreachable.destroy();
    expect(await currentFindings('restricted-ssh-test')).toHaveLength(1);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'remediation not requested',
      error: expect.objectContaining({
        message: `AWS SDK error wrapper for Error: connect ECONNREFUSED ${new URL(endpoint).host}`,
        stack: expect.stringMatching(/^Error: AWS SDK error wrapper for Error: connect ECONNREFUSED .*\n\s+at /),
      }),
      request: expect.objectContaining({ resourceId: 'sg-0123456789abcdef0' }),
    }));
  });
});

describe('the current state', () => {
  test('keeps how long each violation lasted until it was fixed, for the mean time to remediate', async () => {
    await analyzer()(complianceChangeEvent({ recordedAt: '2026-11-23T10:00:00.000Z' }), context);
    await analyzer()(complianceChangeEvent({ recordedAt: '2026-11-23T11:00:00.000Z' }), context);
    await analyzer()(complianceChangeEvent({ compliance: 'COMPLIANT', recordedAt: '2026-11-23T13:30:00.000Z' }), context);
    const [fixed] = await currentFindings('restricted-ssh-test');
    expect(fixed).toMatchObject({ remediatedAt: '2026-11-23T13:30:00.000Z', timeToRemediateSeconds: 12_600 });
    expect(fixed.violatedSince).toBeUndefined();
    await analyzer()(complianceChangeEvent({ recordedAt: '2026-11-23T14:00:00.000Z' }), context);
    expect((await currentFindings('restricted-ssh-test'))[0]).toMatchObject({ violatedSince: '2026-11-23T14:00:00.000Z', timeToRemediateSeconds: 12_600 });
  });

  test('a change that loses the race to a concurrent newer one reads again and leaves the newer state', async () => {
    let raced = false;
    const racing = {
      send: async (command: any) => {
        if (!raced && command instanceof PutCommand && command.input.Item!.timestamp === 'CURRENT#restricted-ssh-test') {
          raced = true;
          await new FindingStore(dynamo.documents, TABLE, 2557).recordChange(
            complianceChangeOf(complianceChangeEvent({ compliance: 'COMPLIANT', recordedAt: '2026-11-23T10:05:00.000Z' })), 'CRITICAL');
        }
        return dynamo.documents.send(command);
      },
    } as unknown as DynamoDBDocumentClient;
    const recorded = await new FindingStore(racing, TABLE, 2557).recordChange(complianceChangeOf(complianceChangeEvent()), 'CRITICAL');
    expect(recorded).toEqual({ applied: false, newlyNonCompliant: false });
    expect(await currentFindings('restricted-ssh-test')).toEqual([expect.objectContaining({ complianceType: 'COMPLIANT', recordedAt: '2026-11-23T10:05:00.000Z' })]);
    expect((await rowsOf('sg-0123456789abcdef0')).filter((row) => row.newComplianceType)).toHaveLength(2);
  });

  test('a state that keeps changing under every attempt fails loudly', async () => {
    const contended = {
      send: async (command: any) => {
        if (command instanceof PutCommand && command.input.Item!.timestamp === 'CURRENT#restricted-ssh-test') {
          throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
        }
        return dynamo.documents.send(command);
      },
    } as unknown as DynamoDBDocumentClient;
    await expect(new FindingStore(contended, TABLE, 2557).recordChange(complianceChangeOf(complianceChangeEvent()), 'CRITICAL'))
      .rejects.toThrow('the current state of sg-0123456789abcdef0 for restricted-ssh-test changed under 5 attempts to record a change');
  });
});
