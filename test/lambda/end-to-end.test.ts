import * as path from 'path';
import { ComplianceType } from '@aws-sdk/client-config-service';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, GetBucketEncryptionCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ComplianceRule, RuleSet } from '../../src';
import { RemediationMode } from '../../src/core/remediation-mode';
import { Severity } from '../../src/core/rules/severity';
import { AGGREGATOR_SETTINGS, ANALYZER_SETTINGS, REMEDIATOR_SETTINGS } from '../../src/core/settings/handler-settings';
import { LATEST_REPORT_KEY } from '../../src/core/storage/report-layout';
import { toDeployedRules } from '../../src/functions/deployed-rules';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { fixture } from '../support/fixtures';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, startMoto } from '../support/moto';

/**
 * The whole system on one scenario, with the handlers as they ship (assets/<name>/index.js, built
 * by `npm test` before the tests): AWS is moto's server, the findings table dynalite. A security
 * group opens SSH to the world and a bucket has no default encryption; Config's compliance changes
 * reach the analyzer; the alert arrives in the queue subscribed to the alert topic; the remediator
 * fixes both (APPLY) or only says what it would do (DRY_RUN); the next sweep records the fix, and
 * the aggregator's report shows it. Two calls are answered by the test, for the reasons in
 * test/support/moto-gaps.ts: the analyzer's Lambda.Invoke of the remediator (moto runs no function
 * without Docker, so the test hands the request on) and the sweep's GetComplianceDetailsByConfigRule.
 */

const SUFFIX = 'e2e';
const TABLE = `compliance-findings-${SUFFIX}`;
const REPORTS_BUCKET = `compliance-reports-${SUFFIX}`;
const RULE_SET = RuleSet.of(
  ComplianceRule.restrictedSsh({ autoRemediate: true }),
  ComplianceRule.s3BucketServerSideEncryption({ autoRemediate: true }),
);
const RULES = toDeployedRules(RULE_SET, SUFFIX);
const SSH_RULE = `restricted-ssh-${SUFFIX}`;
const SSE_RULE = `s3-bucket-server-side-encryption-enabled-${SUFFIX}`;
const VIOLATED_AT = '2026-11-30T10:00:00.000Z';
const FIXED_AT = '2026-11-30T10:30:00.000Z';
const ANALYZER_ARN = `arn:aws:lambda:${MOTO_REGION}:${MOTO_ACCOUNT}:function:compliance-analyzer-${SUFFIX}`;

type Handler = (event: unknown, context: Context) => Promise<any>;

let moto: MotoServer;
let dynamo: LocalDynamoDb;
let savedEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  [moto, dynamo] = await Promise.all([startMoto(), startDynalite()]);
  savedEnv = { ...process.env };
  const dynamoEndpoint = await dynamo.client.config.endpoint!();
  // As in Lambda, the handlers' clients take their endpoints and credentials from the environment.
  Object.assign(process.env, {
    AWS_REGION: MOTO_REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: `${dynamoEndpoint.protocol}//${dynamoEndpoint.hostname}:${dynamoEndpoint.port}`,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([moto.stop(), dynamo.close()]);
});

beforeEach(async () => {
  await moto.reset();
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => undefined);
  await createFindingsTable(dynamo.client, TABLE);
});

/**
 * A handler bundle loaded afresh with these settings, as a new Lambda container reads them, with
 * the SDK it loaded (the bundles keep `@aws-sdk/*` external, as the Lambda runtime provides it): the
 * operations moto lacks are mocked on that copy of the SDK.
 */
function loadHandler(name: string, settings: Record<string, string>): {
  handler: Handler; lambda: typeof import('@aws-sdk/client-lambda'); config: typeof import('@aws-sdk/client-config-service');
} {
  const bundle = path.resolve(__dirname, '..', '..', 'assets', name, 'index.js');
  Object.assign(process.env, settings);
  let loaded: ReturnType<typeof loadHandler> | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = {
      handler: require(bundle).handler,
      lambda: require('@aws-sdk/client-lambda'),
      config: require('@aws-sdk/client-config-service'),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return loaded!;
}

/** The account's resources, the alert topic and the queue that reads it. */
async function setUpAccount(): Promise<{ groupId: string; bucket: string; topicArn: string; queueUrl: string }> {
  const ec2 = new EC2Client(moto.clientConfig);
  const { GroupId: groupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web servers' }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({
    GroupId: groupId,
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
    ],
  }));
  const bucket = 'customer-uploads-e2e';
  const s3 = new S3Client(moto.clientConfig);
  for (const name of [bucket, REPORTS_BUCKET]) {
    await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: MOTO_REGION } }));
  }
  const sns = new SNSClient(moto.clientConfig);
  const { TopicArn: topicArn } = await sns.send(new CreateTopicCommand({ Name: `compliance-alerts-${SUFFIX}` }));
  const sqs = new SQSClient(moto.clientConfig);
  const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'alert-reader' }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
  return { groupId: groupId!, bucket, topicArn: topicArn!, queueUrl: queueUrl! };
}

/** Every alert delivered to the queue so far, as SNS wrapped it: subject and message. */
async function deliveredAlerts(queueUrl: string): Promise<Array<{ Subject: string; Message: string; TopicArn: string }>> {
  const sqs = new SQSClient(moto.clientConfig);
  let alerts: Array<{ Subject: string; Message: string; TopicArn: string }> = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (Messages.length === 0) {
      return alerts;
    }
    alerts = alerts.concat(Messages.map((message) => JSON.parse(message.Body!)));
    await sqs.send(new DeleteMessageBatchCommand({
      QueueUrl: queueUrl, Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
    }));
  }
}

/** The "Config Rules Compliance Change" event Config sends, from AWS's documented notification. */
function complianceChange(configRuleName: string, resourceType: string, resourceId: string): unknown {
  const detail = structuredClone(fixture('sns-notifications/awsdocs-compliance-change-notification.sns.json').Message);
  Object.assign(detail, { configRuleName, resourceType, resourceId, awsAccountId: MOTO_ACCOUNT, awsRegion: MOTO_REGION });
  Object.assign(detail.newEvaluationResult.evaluationResultIdentifier.evaluationResultQualifier, { configRuleName, resourceType, resourceId });
  Object.assign(detail.newEvaluationResult, { complianceType: 'NON_COMPLIANT', resultRecordedTime: VIOLATED_AT, annotation: `violates ${configRuleName}` });
  return {
    'version': '0',
    'id': `change-${resourceId}`,
    'detail-type': 'Config Rules Compliance Change',
    'source': 'aws.config',
    'account': MOTO_ACCOUNT,
    'time': VIOLATED_AT,
    'region': MOTO_REGION,
    'resources': [],
    detail,
  };
}

const SWEEP = { 'version': '0', 'id': 'sweep', 'detail-type': 'Scheduled Event', 'source': 'aws.events', 'account': MOTO_ACCOUNT, 'time': FIXED_AT, 'region': MOTO_REGION, 'resources': [], 'detail': {} };

function settingsFor(topicArn: string, mode: 'APPLY' | 'DRY_RUN') {
  const common = { findingsTable: TABLE, findingsTtlDays: 2557, alertTopicArn: topicArn, rules: RULES };
  return {
    analyzer: ANALYZER_SETTINGS.encode({
      ...common, environmentSuffix: SUFFIX, remediatorFunction: `compliance-remediator-${SUFFIX}`, alertSeverity: Severity.HIGH, alertDigestThreshold: 10, exemptionNoticeDays: 14,
    }),
    remediator: REMEDIATOR_SETTINGS.encode({ ...common, remediationMode: RemediationMode[mode] }),
    aggregator: AGGREGATOR_SETTINGS.encode({
      findingsTable: TABLE,
      reportsBucket: REPORTS_BUCKET,
      configRuleNames: RULES.map((rule) => rule.configRuleName),
      environmentSuffix: SUFFIX,
      frameworks: { frameworks: [{ id: 'PCI_DSS_4' }] },
    }),
  };
}

/** Steps 1 and 2: the violations, their events, their alerts; returns the remediation requests the analyzer sent. */
async function violate(mode: 'APPLY' | 'DRY_RUN') {
  const account = await setUpAccount();
  const settings = settingsFor(account.topicArn, mode);
  const { handler: analyzer, lambda } = loadHandler('analyzer', settings.analyzer);
  const lambdaService = mockClient(lambda.LambdaClient);
  lambdaService.on(lambda.InvokeCommand).resolves({ StatusCode: 202 });
  await analyzer(complianceChange(SSH_RULE, 'AWS::EC2::SecurityGroup', account.groupId), { awsRequestId: 'req-ssh', invokedFunctionArn: ANALYZER_ARN } as Context);
  await analyzer(complianceChange(SSE_RULE, 'AWS::S3::Bucket', account.bucket), { awsRequestId: 'req-sse', invokedFunctionArn: ANALYZER_ARN } as Context);

  const alerts = await deliveredAlerts(account.queueUrl);
  expect(alerts.map((alert) => alert.Subject).sort()).toEqual([
    `[CRITICAL] AWS::EC2::SecurityGroup ${account.groupId} violates ${SSH_RULE}`,
    `[HIGH] AWS::S3::Bucket ${account.bucket} violates ${SSE_RULE}`,
  ]);
  expect(alerts.every((alert) => alert.TopicArn === account.topicArn)).toBe(true);
  expect(alerts.find((alert) => alert.Subject.startsWith('[CRITICAL]'))!.Message).toContain(`violates ${SSH_RULE}`);

  const requests = lambdaService.commandCalls(lambda.InvokeCommand).map((call) => {
    expect(call.args[0].input).toMatchObject({ FunctionName: `compliance-remediator-${SUFFIX}`, InvocationType: 'Event' });
    return JSON.parse(new TextDecoder().decode(call.args[0].input.Payload as Uint8Array));
  });
  expect(requests).toHaveLength(2);
  lambdaService.restore();
  return { account, settings, requests };
}

async function remediate(settings: Record<string, string>, requests: unknown[]): Promise<any[]> {
  const { handler: remediator } = loadHandler('remediator', settings);
  const outcomes = [];
  for (const [index, request] of requests.entries()) {
    outcomes.push(await remediator(request, { awsRequestId: `req-remediate-${index}` } as Context));
  }
  return outcomes;
}

async function worldSshRules(groupId: string) {
  const { SecurityGroups } = await new EC2Client(moto.clientConfig).send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
  return SecurityGroups![0].IpPermissions!;
}

async function bucketEncryption(bucket: string): Promise<string | undefined> {
  try {
    const { ServerSideEncryptionConfiguration } = await new S3Client(moto.clientConfig).send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    return ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
  } catch (error) {
    if ((error as Error).name === 'ServerSideEncryptionConfigurationNotFoundError') {
      return undefined;
    }
    throw error;
  }
}

async function latestReport(): Promise<any> {
  const { Body } = await new S3Client(moto.clientConfig).send(new GetObjectCommand({ Bucket: REPORTS_BUCKET, Key: LATEST_REPORT_KEY }));
  return JSON.parse(await Body!.transformToString());
}

async function remediationAudits(resourceId: string): Promise<any[]> {
  const { Items = [] } = await dynamo.documents.send(new QueryCommand({
    TableName: TABLE,
    KeyConditionExpression: 'resourceId = :id AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#sk': 'timestamp' },
    ExpressionAttributeValues: { ':id': resourceId, ':prefix': 'REMEDIATION#' },
  }));
  return Items;
}

/** Reports are keyed by the second they are taken: the next one waits for the next second. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));

describe('end to end, the handlers as bundled, against moto', () => {
  test('APPLY: alerted, fixed in the account, the fix recorded by the next sweep and reported with its time to remediate', async () => {
    const { account, settings, requests } = await violate('APPLY');
    const { handler: aggregator } = loadHandler('aggregator', settings.aggregator);
    await aggregator({}, { awsRequestId: 'req-report-1' } as Context);
    expect((await latestReport()).summary).toMatchObject({ compliant: 0, non_compliant: 2 });

    // 3. The remediator fixes both; moto reads back the fixes, and a person hears of them.
    const outcomes = await remediate(settings.remediator, requests);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['APPLIED', 'APPLIED']);
    expect(await worldSshRules(account.groupId)).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [expect.objectContaining({ CidrIp: '10.0.0.0/8' })] }),
    ]);
    expect(await bucketEncryption(account.bucket)).toBe('AES256');
    expect((await deliveredAlerts(account.queueUrl)).map((alert) => alert.Subject).sort()).toEqual([
      `[REMEDIATED] AWS::EC2::SecurityGroup ${account.groupId} (${SSH_RULE})`,
      `[REMEDIATED] AWS::S3::Bucket ${account.bucket} (${SSE_RULE})`,
    ]);

    // 4. Config now reports both COMPLIANT: the sweep records the fix, the report shows it.
    const compliantNow = (ruleName: string, resourceType: string, resourceId: string) => ({
      EvaluationResults: [{
        EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: ruleName, ResourceType: resourceType, ResourceId: resourceId } },
        ComplianceType: ComplianceType.Compliant,
        ResultRecordedTime: new Date(FIXED_AT),
      }],
    });
    const { handler: analyzer, config: configService } = loadHandler('analyzer', settings.analyzer);
    const config = mockClient(configService.ConfigServiceClient);
    config.on(configService.GetComplianceDetailsByConfigRuleCommand, { ConfigRuleName: SSH_RULE }).resolves(compliantNow(SSH_RULE, 'AWS::EC2::SecurityGroup', account.groupId));
    config.on(configService.GetComplianceDetailsByConfigRuleCommand, { ConfigRuleName: SSE_RULE }).resolves(compliantNow(SSE_RULE, 'AWS::S3::Bucket', account.bucket));
    // The sweep's metrics go to the log in embedded metric format, one JSON line each.
    const metricLines: any[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((line) => {
      metricLines.push(JSON.parse(String(line)));
      return true;
    });
    try {
      await analyzer(SWEEP, { awsRequestId: 'req-sweep', invokedFunctionArn: ANALYZER_ARN } as Context);
    } finally {
      write.mockRestore();
      config.restore();
    }
    expect(metricLines.filter((line) => line.ConfigRuleName).map(({ ConfigRuleName, CompliancePercentage, NonCompliantResources }) =>
      ({ ConfigRuleName, CompliancePercentage, NonCompliantResources }))).toEqual([
      { ConfigRuleName: SSH_RULE, CompliancePercentage: 100, NonCompliantResources: 0 },
      { ConfigRuleName: SSE_RULE, CompliancePercentage: 100, NonCompliantResources: 0 },
    ]);
    await nextSecond();
    await aggregator({}, { awsRequestId: 'req-report-2' } as Context);
    const report = await latestReport();
    expect(report.summary).toMatchObject({ compliant: 2, non_compliant: 0, compliance_percentage: 100 });
    expect(report.changes_since_previous.newly_fixed).toEqual(expect.arrayContaining([
      { configRuleName: SSH_RULE, resourceType: 'AWS::EC2::SecurityGroup', resourceId: account.groupId },
      { configRuleName: SSE_RULE, resourceType: 'AWS::S3::Bucket', resourceId: account.bucket },
    ]));
    expect(report.changes_since_previous.newly_fixed).toHaveLength(2);
    expect(report.changes_since_previous.previous_compliance_percentage).toBe(0);
    expect(report.mean_time_to_remediate).toEqual({
      [SSH_RULE]: { remediated_findings: 1, mean_seconds: 1800 },
      [SSE_RULE]: { remediated_findings: 1, mean_seconds: 1800 },
    });
  }, 120_000);

  test('DRY_RUN: the same violations change nothing in the account and are recorded as WOULD_APPLY', async () => {
    const { account, settings, requests } = await violate('DRY_RUN');
    const outcomes = await remediate(settings.remediator, requests);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['WOULD_APPLY', 'WOULD_APPLY']);
    expect(await worldSshRules(account.groupId)).toEqual(expect.arrayContaining([
      expect.objectContaining({ FromPort: 22, ToPort: 22, IpRanges: [expect.objectContaining({ CidrIp: '0.0.0.0/0' })] }),
    ]));
    expect(await bucketEncryption(account.bucket)).toBeUndefined();
    for (const resourceId of [account.groupId, account.bucket]) {
      expect(await remediationAudits(resourceId)).toEqual([expect.objectContaining({ mode: 'DRY_RUN', outcome: 'WOULD_APPLY' })]);
    }
    expect((await deliveredAlerts(account.queueUrl)).map((alert) => alert.Subject).sort()).toEqual([
      `[DRY RUN] AWS::EC2::SecurityGroup ${account.groupId} (${SSH_RULE})`,
      `[DRY RUN] AWS::S3::Bucket ${account.bucket} (${SSE_RULE})`,
    ]);
  }, 120_000);
});
