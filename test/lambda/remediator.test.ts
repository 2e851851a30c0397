import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupIngressCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client, ModifyInstanceMetadataOptionsCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, ModifyDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketEncryptionCommand, GetBucketTaggingCommand, PutBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { SUBJECT_MAX_LENGTH } from '../../lambda/alerts/alert-message';
import { FindingStore } from '../../lambda/findings/finding-store';
import { backupRetentionFix } from '../../lambda/remediation/fixes/backup-retention';
import { imdsv2Fix } from '../../lambda/remediation/fixes/imdsv2';
import { s3EncryptionFix } from '../../lambda/remediation/fixes/s3-encryption';
import { worldIngressFix } from '../../lambda/remediation/fixes/world-ingress';
import { remediationEvent } from '../../lambda/remediation/remediation-request';
import { createRemediator } from '../../lambda/remediator/remediator';
import { RemediationMode } from '../../src/core/remediation-mode';
import { Severity } from '../../src/core/rules/severity';
import { DeployedRule } from '../../src/core/settings/settings';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { capturedLogger, untraced } from '../support/observability';

const TABLE = 'compliance-findings-test';
const context = { awsRequestId: 'req-remediation' } as Context;
const ec2 = mockClient(EC2Client);
const rds = mockClient(RDSClient);
const s3 = mockClient(S3Client);
const sns = mockClient(SNSClient);

const rule = (ruleName: string, extra: Partial<DeployedRule> = {}): DeployedRule =>
  ({ configRuleName: `${ruleName}-test`, ruleName, severity: Severity.HIGH, evaluationMode: 'MANAGED', autoRemediate: true, parameters: {}, ...extra });
const RULES: DeployedRule[] = [
  rule('restricted-ssh', { exemptions: [{ tag: { key: 'compliance-exempt', value: 'bastion' }, reason: 'RISK-42: bastion' }] }),
  rule('ec2-imdsv2-check', { exemptions: [{ resourceIds: ['i-exempt'], reason: 'vendor appliance', expiresAt: '2026-12-01T00:00:00.000Z' }] }),
  rule('db-instance-backup-enabled', { parameters: { backupRetentionMinimum: '7' } }),
  rule('s3-default-encryption-kms'),
  rule('s3-bucket-server-side-encryption-enabled'),
  { configRuleName: 'required-tags-test', ruleName: 'required-tags', severity: Severity.LOW, evaluationMode: 'MANAGED' },
];

let dynamo: LocalDynamoDb;
let logLines: any[];

function remediator(mode: `${RemediationMode}`, now = '2026-11-23T12:00:00Z') {
  const { logger, lines } = capturedLogger('remediator');
  logLines = lines;
  const ec2Client = new EC2Client({ region: 'eu-west-1' });
  const s3Client = new S3Client({ region: 'eu-west-1' });
  return createRemediator({
    fixes: {
      S3_ENCRYPTION_KMS: s3EncryptionFix(s3Client, true),
      S3_ENCRYPTION_AES256: s3EncryptionFix(s3Client, false),
      CLOSE_WORLD_INGRESS: worldIngressFix(ec2Client),
      REQUIRE_IMDSV2: imdsv2Fix(ec2Client),
      RAISE_BACKUP_RETENTION: backupRetentionFix(new RDSClient({ region: 'eu-west-1' })),
    },
    store: new FindingStore(dynamo.documents, TABLE, 2557),
    sns: new SNSClient({ region: 'eu-west-1' }),
    alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-test',
    mode: mode as RemediationMode,
    rules: RULES,
    logger,
    tracer: untraced(),
    now: () => new Date(now),
  });
}

function request(configRuleName: string, resourceType: string, resourceId: string): unknown {
  return remediationEvent({ configRuleName, resourceType, resourceId, awsRegion: 'eu-west-1', annotation: 'violation', correlationId: 'req-analyzer' });
}

const sshRequest = request('restricted-ssh-test', 'AWS::EC2::SecurityGroup', 'sg-1');
const openSsh = { GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], Tags: [] };

async function audits(resourceId: string): Promise<any[]> {
  const result = await dynamo.documents.send(new QueryCommand({
    TableName: TABLE,
    KeyConditionExpression: 'resourceId = :id AND begins_with(#sk, :audit)',
    ExpressionAttributeNames: { '#sk': 'timestamp' },
    ExpressionAttributeValues: { ':id': resourceId, ':audit': 'REMEDIATION#' },
  }));
  return result.Items ?? [];
}

const subjects = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input.Subject);

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  for (const mock of [ec2, rds, s3, sns]) {
    mock.reset();
  }
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  await createFindingsTable(dynamo.client, TABLE);
});
afterEach(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
});

describe('dry run, the default', () => {
  test('records and announces what it would do, and changes nothing', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [openSsh] });
    const audit = await remediator('DRY_RUN')(sshRequest, context);
    expect(audit).toMatchObject({ outcome: 'WOULD_APPLY', actions: ['revoke TCP 0-1024 from 0.0.0.0/0, keeping TCP 0-21, TCP 23-1024'] });
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(await audits('sg-1')).toEqual([expect.objectContaining({
      timestamp: 'REMEDIATION#2026-11-23T12:00:00.000Z#restricted-ssh-test',
      mode: 'DRY_RUN',
      outcome: 'WOULD_APPLY',
      correlationId: 'req-analyzer',
      actions: audit.actions,
      configRuleName: 'restricted-ssh-test',
      resourceType: 'AWS::EC2::SecurityGroup',
    })]);
    expect(subjects()).toEqual(['[DRY RUN] AWS::EC2::SecurityGroup sg-1 (restricted-ssh-test)']);
    expect(sns.commandCalls(PublishCommand)[0].args[0].input.Message).toContain('Would change:\n  - revoke TCP 0-1024 from 0.0.0.0/0');
  });
});

describe('apply', () => {
  test('security group: keeps the allowed ports open first, then revokes the world range; a second run finds nothing to do', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolvesOnce({ SecurityGroups: [openSsh] }).resolves({
      SecurityGroups: [{ ...openSsh, IpPermissions: [0, 23].map((from) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: from ? 1024 : 21, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })) }],
    });
    ec2.on(AuthorizeSecurityGroupIngressCommand).resolvesOnce({}).rejectsOnce(Object.assign(new Error('duplicate'), { name: 'InvalidPermission.Duplicate' }));
    expect(await remediator('APPLY')(sshRequest, context)).toMatchObject({ outcome: 'APPLIED' });
    const authorized = ec2.commandCalls(AuthorizeSecurityGroupIngressCommand).map((call) => call.args[0].input.IpPermissions);
    expect(authorized).toEqual([
      [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 21, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      [{ IpProtocol: 'tcp', FromPort: 23, ToPort: 1024, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    ]);
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand).map((call) => call.args[0].input)).toEqual([
      { GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
    ]);
    expect(ec2.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'DescribeSecurityGroupsCommand', 'AuthorizeSecurityGroupIngressCommand', 'AuthorizeSecurityGroupIngressCommand', 'RevokeSecurityGroupIngressCommand',
    ]);

    expect(await remediator('APPLY', '2026-11-23T12:05:00Z')(sshRequest, context)).toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'no forbidden port is open to the world' });
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(1);
    expect((await audits('sg-1')).map((audit) => audit.outcome)).toEqual(['APPLIED', 'NOTHING_TO_DO']);
    expect(subjects()).toEqual(['[REMEDIATED] AWS::EC2::SecurityGroup sg-1 (restricted-ssh-test)']);
  });

  test('IMDSv2 is required; an instance that already requires it is left alone', async () => {
    ec2.on(DescribeInstancesCommand).resolvesOnce({ Reservations: [{ Instances: [{ InstanceId: 'i-1', MetadataOptions: { HttpTokens: 'optional' } }] }] })
      .resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-1', MetadataOptions: { HttpTokens: 'required' } }] }] });
    const imdsRequest = request('ec2-imdsv2-check-test', 'AWS::EC2::Instance', 'i-1');
    expect(await remediator('APPLY')(imdsRequest, context)).toMatchObject({ outcome: 'APPLIED', actions: ['require IMDSv2 session tokens (HttpTokens optional → required)'] });
    expect(ec2.commandCalls(ModifyInstanceMetadataOptionsCommand).map((call) => call.args[0].input)).toEqual([{ InstanceId: 'i-1', HttpTokens: 'required' }]);
    expect(await remediator('APPLY')(imdsRequest, context)).toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'IMDSv2 is already required' });
    expect(ec2.commandCalls(ModifyInstanceMetadataOptionsCommand)).toHaveLength(1);
  });

  test('RDS backup retention is raised to the rule\'s minimum, found by the resource id Config uses', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', BackupRetentionPeriod: 0, TagList: [] }] });
    const audit = await remediator('APPLY')(request('db-instance-backup-enabled-test', 'AWS::RDS::DBInstance', 'db-ABCDEFGHIJ'), context);
    expect(audit.actions).toEqual(['raise the backup retention of orders from 0 to 7 days (turning backups on briefly suspends I/O on single-AZ instances)']);
    expect(rds.commandCalls(DescribeDBInstancesCommand)[0].args[0].input).toEqual({ Filters: [{ Name: 'dbi-resource-id', Values: ['db-ABCDEFGHIJ'] }] });
    expect(rds.commandCalls(ModifyDBInstanceCommand).map((call) => call.args[0].input)).toEqual([{ DBInstanceIdentifier: 'orders', BackupRetentionPeriod: 7, ApplyImmediately: true }]);
  });

  test('RDS backup retention above an exact period is never lowered: a person decides, and hears of it', async () => {
    RULES[2] = rule('db-instance-backup-enabled', { parameters: { backupRetentionPeriod: '7' } });
    try {
      rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', BackupRetentionPeriod: 30 }] });
      const audit = await remediator('APPLY')(request('db-instance-backup-enabled-test', 'AWS::RDS::DBInstance', 'db-ABCDEFGHIJ'), context);
      expect(audit).toMatchObject({ outcome: 'NEEDS_A_PERSON', reason: 'backup retention is 30 days, above the rule\'s 7: lowering it deletes backups, so change it by hand' });
      expect(rds.commandCalls(ModifyDBInstanceCommand)).toHaveLength(0);
      expect(subjects()).toEqual(['[FIX BY HAND] AWS::RDS::DBInstance db-ABCDEFGHIJ (db-instance-backup-enabled-test)']);
    } finally {
      RULES[2] = rule('db-instance-backup-enabled', { parameters: { backupRetentionMinimum: '7' } });
    }
  });

  test('S3: SSE-KMS with the AWS managed key for the KMS rule, AES256 for the other; buckets without tags are fine', async () => {
    s3.on(GetBucketEncryptionCommand).rejects(Object.assign(new Error('none'), { name: 'ServerSideEncryptionConfigurationNotFoundError' }));
    s3.on(GetBucketTaggingCommand).rejects(Object.assign(new Error('no tags'), { name: 'NoSuchTagSet' }));
    await remediator('APPLY')(request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'logs-bucket'), context);
    await remediator('APPLY')(request('s3-bucket-server-side-encryption-enabled-test', 'AWS::S3::Bucket', 'logs-bucket'), context);
    expect(s3.commandCalls(PutBucketEncryptionCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'logs-bucket', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] } },
      { Bucket: 'logs-bucket', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } },
    ]);
  });

  test('a fix that fails is recorded, announced and thrown, so that Lambda retries it and then dead-letters it', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [openSsh] });
    ec2.on(AuthorizeSecurityGroupIngressCommand).rejects(Object.assign(new Error('You are not authorized'), { name: 'UnauthorizedOperation' }));
    await expect(remediator('APPLY')(sshRequest, context)).rejects.toThrow('remediation of sg-1 failed: You are not authorized');
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(await audits('sg-1')).toEqual([expect.objectContaining({ outcome: 'FAILED', reason: 'You are not authorized' })]);
    expect(subjects()).toEqual(['[REMEDIATION FAILED] AWS::EC2::SecurityGroup sg-1 (restricted-ssh-test)']);
    // The audit keeps the message; the log keeps the stack of the error the fix swallowed.
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'fix failed',
      resourceId: 'sg-1',
      correlationId: 'req-analyzer',
      error: expect.objectContaining({ name: 'UnauthorizedOperation', stack: expect.stringContaining('You are not authorized\n    at ') }),
    }));
  });
});

describe('never touches', () => {
  test('a resource an exemption\'s tag covers: recorded, not announced, not changed', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ ...openSsh, Tags: [{ Key: 'compliance-exempt', Value: 'bastion' }] }] });
    expect(await remediator('APPLY')(sshRequest, context)).toMatchObject({ outcome: 'EXEMPT', reason: 'RISK-42: bastion' });
    expect(ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(subjects()).toEqual([]);
    expect(await audits('sg-1')).toEqual([expect.objectContaining({ outcome: 'EXEMPT' })]);
  });

  test('a resource exempt by id until its expiry; after it, the fix applies', async () => {
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-exempt', MetadataOptions: { HttpTokens: 'optional' } }] }] });
    const exemptRequest = request('ec2-imdsv2-check-test', 'AWS::EC2::Instance', 'i-exempt');
    expect(await remediator('APPLY', '2026-11-30T23:59:59Z')(exemptRequest, context)).toMatchObject({ outcome: 'EXEMPT', reason: 'vendor appliance' });
    expect(await remediator('APPLY', '2026-12-01T00:00:00Z')(exemptRequest, context)).toMatchObject({ outcome: 'APPLIED' });
    expect(ec2.commandCalls(ModifyInstanceMetadataOptionsCommand)).toHaveLength(1);
  });

  test.each([
    ['a deleted security group', () => ec2.on(DescribeSecurityGroupsCommand).rejects(Object.assign(new Error('gone'), { name: 'InvalidGroup.NotFound' })), sshRequest,
      'security group sg-1 no longer exists'],
    ['a terminated instance', () => ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ State: { Name: 'terminated' } }] }] }),
      request('ec2-imdsv2-check-test', 'AWS::EC2::Instance', 'i-gone'), 'instance i-gone no longer exists'],
    ['an unknown instance', () => ec2.on(DescribeInstancesCommand).rejects(Object.assign(new Error('gone'), { name: 'InvalidInstanceID.NotFound' })),
      request('ec2-imdsv2-check-test', 'AWS::EC2::Instance', 'i-gone'), 'instance i-gone no longer exists'],
    ['a deleted DB instance', () => rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] }),
      request('db-instance-backup-enabled-test', 'AWS::RDS::DBInstance', 'db-GONE'), 'DB instance db-GONE no longer exists'],
    ['a DB instance that keeps enough backups', () => rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', BackupRetentionPeriod: 14 }] }),
      request('db-instance-backup-enabled-test', 'AWS::RDS::DBInstance', 'db-OK'), 'backup retention is already 14 days'],
    ['a deleted bucket', () => s3.on(GetBucketEncryptionCommand).rejects(Object.assign(new Error('gone'), { name: 'NoSuchBucket' })),
      request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'gone-bucket'), 'bucket gone-bucket no longer exists'],
  ])('%s: nothing to do, recorded', async (_, arrange, event, reason) => {
    arrange();
    expect(await remediator('APPLY')(event, context)).toMatchObject({ outcome: 'NOTHING_TO_DO', reason });
    expect(subjects()).toEqual([]);
  });

  test('all traffic open to the world: a person decides, and hears of it', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }] });
    expect(await remediator('APPLY')(sshRequest, context)).toMatchObject({ outcome: 'NEEDS_A_PERSON' });
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(subjects()[0]!.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
  });
});

describe('bad requests', () => {
  test.each([
    [{ source: 'aws.events' }, 'not a remediation request: source must be "compliance-monitor.analyzer"'],
    [{ source: 'compliance-monitor.analyzer', detail: { configRuleName: 'restricted-ssh-test' } }, 'remediation request: detail.resourceType is missing'],
    [request('required-tags-test', 'AWS::EC2::Instance', 'i-1'), 'remediation request: "required-tags-test" is not a rule of this monitor that opts in to remediation'],
    [request('unknown-test', 'AWS::EC2::Instance', 'i-1'), 'remediation request: "unknown-test" is not a rule of this monitor that opts in to remediation'],
  ])('are refused, logged with their source, for the dead-letter queue (%#)', async (event, message) => {
    await expect(remediator('APPLY')(event, context)).rejects.toThrow(message);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR', message: 'event failed', error: expect.objectContaining({ message, stack: expect.stringContaining(`Error: ${message}\n    at `) }),
    }));
  });

  test('with SNS down the remediation is still recorded, and the message logged', async () => {
    sns.on(PublishCommand).rejects(new Error('SNS unavailable'));
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [openSsh] });
    expect(await remediator('DRY_RUN')(sshRequest, context)).toMatchObject({ outcome: 'WOULD_APPLY' });
    expect(await audits('sg-1')).toHaveLength(1);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'alert not published',
      correlationId: 'req-analyzer',
      error: expect.objectContaining({ message: 'SNS unavailable', stack: expect.stringContaining('Error: SNS unavailable\n    at ') }),
    }));
  });
});
