import * as path from 'path';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { remediationEvent } from '../../lambda/remediation/remediation-request';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { MotoServer, startMoto } from '../support/moto';

const TABLE = 'compliance-findings-test';

/**
 * The remediator as it ships: the esbuild bundle, whose fixes load their module and SDK client on
 * their first request. `npm test` builds the bundles before the tests. Its clients are the
 * entry point's own, configured through the environment as in Lambda: EC2 and SNS on moto, the
 * findings table on dynalite.
 */
describe('the remediator bundle', () => {
  let moto: MotoServer;
  let dynamo: LocalDynamoDb;

  beforeAll(async () => {
    [moto, dynamo] = await Promise.all([startMoto(), startDynalite()]);
    await createFindingsTable(dynamo.client, TABLE);
  });
  afterAll(async () => {
    await Promise.all([moto.stop(), dynamo.close()]);
  });
  beforeEach(async () => {
    await moto.reset();
  });

  test('loads a fix on its first request and answers it', async () => {
    const ec2 = new EC2Client(moto.clientConfig);
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'bastion', Description: 'SSH from anywhere' }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }));
    const sns = new SNSClient(moto.clientConfig);
    const sqs = new SQSClient(moto.clientConfig);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'compliance-alerts-test' }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'compliance-alerts-test-inbox' }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));

    const dynaliteEndpoint = await dynamo.client.config.endpoint!();
    const settings = {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynaliteEndpoint.port}`,
      FINDINGS_TABLE: TABLE,
      FINDINGS_TTL_DAYS: '2557',
      ALERT_TOPIC_ARN: TopicArn!,
      REMEDIATION_MODE: 'DRY_RUN',
      RULES: JSON.stringify([{ configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: 'CRITICAL', evaluationMode: 'MANAGED', autoRemediate: true, parameters: {} }]),
    };
    // The bundle's SDK is the runtime's (an external), so its EC2 clients are this class: each call still reaches moto.
    const ec2Sends = jest.spyOn(EC2Client.prototype, 'send');
    const describes = () => ec2Sends.mock.calls.filter(([command]) => command instanceof DescribeSecurityGroupsCommand).length;
    const saved = { ...process.env };
    // Set until the requests are answered: the fix's client is made on the first request.
    Object.assign(process.env, settings);
    const event = remediationEvent({
      configRuleName: 'restricted-ssh-test', resourceType: 'AWS::EC2::SecurityGroup', resourceId: GroupId!, awsRegion: 'eu-west-1', correlationId: 'req-1',
    });
    let answers: any[];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const handler: (event: unknown, context: Context) => Promise<any> = require(path.resolve(__dirname, '..', '..', 'assets', 'remediator', 'index.js')).handler;
      expect(describes()).toBe(0);
      answers = [await handler(event, { awsRequestId: 'req-2' } as Context), await handler(event, { awsRequestId: 'req-3' } as Context)];
    } finally {
      process.env = saved;
    }
    expect(describes()).toBe(2);
    ec2Sends.mockRestore();
    expect(answers).toEqual([
      expect.objectContaining({ outcome: 'WOULD_APPLY', actions: ['revoke TCP 22 from 0.0.0.0/0'] }),
      expect.objectContaining({ outcome: 'WOULD_APPLY' }),
    ]);
    // A dry run: the group in moto is still open.
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] }));
    expect(SecurityGroups![0].IpPermissions).toEqual([expect.objectContaining({ FromPort: 22, IpRanges: [expect.objectContaining({ CidrIp: '0.0.0.0/0' })] })]);
    const rows = await dynamo.documents.send(new QueryCommand({
      TableName: TABLE, KeyConditionExpression: 'resourceId = :id', ExpressionAttributeValues: { ':id': GroupId },
    }));
    expect(rows.Items).toEqual([
      expect.objectContaining({ outcome: 'WOULD_APPLY', mode: 'DRY_RUN' }),
      expect.objectContaining({ outcome: 'WOULD_APPLY', mode: 'DRY_RUN' }),
    ]);
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages.map((message) => JSON.parse(message.Body!).Subject)).toEqual(Array(2).fill(`[DRY RUN] AWS::EC2::SecurityGroup ${GroupId} (restricted-ssh-test)`));
    for (const client of [ec2, sns, sqs]) {
      client.destroy();
    }
  }, 30_000);
});
