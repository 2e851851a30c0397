import * as path from 'path';
import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { remediationEvent } from '../../lambda/remediation/remediation-request';

/**
 * The remediator as it ships: the esbuild bundle, whose fixes load their module and SDK client on
 * their first request. `npm test` builds the bundles before the tests.
 */
describe('the remediator bundle', () => {
  const ec2 = mockClient(EC2Client);
  const sns = mockClient(SNSClient);
  const documents = mockClient(DynamoDBDocumentClient);

  test('loads a fix on its first request and answers it', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({
      SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }],
    });
    sns.on(PublishCommand).resolves({});
    documents.on(PutCommand).resolves({});
    const settings = {
      AWS_REGION: 'eu-west-1',
      FINDINGS_TABLE: 'compliance-findings-test',
      FINDINGS_TTL_DAYS: '2557',
      ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-test',
      REMEDIATION_MODE: 'DRY_RUN',
      RULES: JSON.stringify([{ configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: 'CRITICAL', evaluationMode: 'MANAGED', autoRemediate: true, parameters: {} }]),
    };
    const saved = { ...process.env };
    Object.assign(process.env, settings);
    let handler: (event: unknown, context: Context) => Promise<any>;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = require(path.resolve(__dirname, '..', '..', 'assets', 'remediator', 'index.js')).handler;
    } finally {
      process.env = saved;
    }
    const event = remediationEvent({
      configRuleName: 'restricted-ssh-test', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1', awsRegion: 'eu-west-1', correlationId: 'req-1',
    });
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(0);
    expect(await handler(event, { awsRequestId: 'req-2' } as Context)).toMatchObject({ outcome: 'WOULD_APPLY', actions: ['revoke TCP 22 from 0.0.0.0/0'] });
    expect(await handler(event, { awsRequestId: 'req-3' } as Context)).toMatchObject({ outcome: 'WOULD_APPLY' });
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(2);
    expect(documents.commandCalls(PutCommand)[0].args[0].input.Item).toMatchObject({ outcome: 'WOULD_APPLY', mode: 'DRY_RUN' });
  });
});
