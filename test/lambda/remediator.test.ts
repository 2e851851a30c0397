import {
  CreateTableCommand, DeleteTableCommand, DescribeContinuousBackupsCommand, DynamoDBClient, PointInTimeRecoveryStatus,
} from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DeleteSecurityGroupCommand, DescribeImagesCommand, DescribeInstancesCommand,
  DescribeSecurityGroupsCommand, EC2Client, IpPermission, RunInstancesCommand, TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, DeleteDBInstanceCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  CreateBucketCommand, GetBucketEncryptionCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, PutBucketEncryptionCommand,
  PutBucketTaggingCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { remediationMessage, SUBJECT_MAX_LENGTH } from '../../lambda/alerts/alert-message';
import { FindingStore } from '../../lambda/findings/finding-store';
import { backupRetentionFix } from '../../lambda/remediation/fixes/backup-retention';
import { defaultSecurityGroupFix } from '../../lambda/remediation/fixes/default-security-group';
import { dynamodbPitrFix } from '../../lambda/remediation/fixes/dynamodb-pitr';
import { imdsv2Fix } from '../../lambda/remediation/fixes/imdsv2';
import { rdsPublicAccessFix } from '../../lambda/remediation/fixes/rds-public-access';
import { s3EncryptionFix } from '../../lambda/remediation/fixes/s3-encryption';
import { s3PublicAccessBlockFix } from '../../lambda/remediation/fixes/s3-public-access-block';
import { s3VersioningFix } from '../../lambda/remediation/fixes/s3-versioning';
import { worldIngressFix } from '../../lambda/remediation/fixes/world-ingress';
import { remediationEvent } from '../../lambda/remediation/remediation-request';
import { createRemediator } from '../../lambda/remediator/remediator';
import { isAwsError } from '../../lambda/runtime/aws-errors';
import { RemediationMode } from '../../src/core/remediation-mode';
import { Severity } from '../../src/core/rules/severity';
import { DeployedRule } from '../../src/core/settings/settings';
import { closedEndpoint } from '../support/closed-endpoint';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { MOTO_ACCOUNT, MotoServer, startMoto } from '../support/moto';
import { answerGap } from '../support/moto-gaps';
import { capturedLogger, untraced } from '../support/observability';

/*
 * The remediator against moto's server: the resources are made in moto, each fix is proven by
 * reading the resource back, and each alert by reading what SNS delivered to a subscribed queue.
 */

const TABLE = 'compliance-findings-test';
const context = { awsRequestId: 'req-remediation' } as Context;

const rule = (ruleName: string, extra: Partial<DeployedRule> = {}): DeployedRule =>
  ({ configRuleName: `${ruleName}-test`, ruleName, severity: Severity.HIGH, evaluationMode: 'MANAGED', autoRemediate: true, parameters: {}, ...extra });
const RULES: DeployedRule[] = [
  rule('restricted-ssh', { exemptions: [{ tag: { key: 'compliance-exempt', value: 'bastion' }, reason: 'RISK-42: bastion' }] }),
  rule('ec2-imdsv2-check'),
  rule('db-instance-backup-enabled', { parameters: { backupRetentionMinimum: '7' } }),
  rule('s3-default-encryption-kms'),
  rule('s3-bucket-server-side-encryption-enabled'),
  rule('s3-bucket-level-public-access-prohibited', { parameters: { excludedPublicBuckets: 'public-site,press-kit' } }),
  rule('s3-bucket-versioning-enabled'),
  rule('dynamodb-pitr-enabled'),
  rule('vpc-default-security-group-closed'),
  rule('rds-instance-public-access-check'),
  { configRuleName: 'required-tags-test', ruleName: 'required-tags', severity: Severity.LOW, evaluationMode: 'MANAGED' },
];
/** The monitor's rules with one of them replaced. */
const rulesWith = (replacement: DeployedRule): DeployedRule[] => RULES.map((each) => each.ruleName === replacement.ruleName ? replacement : each);

let moto: MotoServer;
let dynamo: LocalDynamoDb;
/** The test's own clients, which make the resources and read them back. */
let ec2: EC2Client;
let rds: RDSClient;
let s3: S3Client;
let tables: DynamoDBClient;
let sns: SNSClient;
let sqs: SQSClient;
/** The remediator's EC2 client, and the operations it sent in order. */
let remediatorEc2: EC2Client;
let ec2Operations: string[];
let imageId: string;
let topicArn: string;
let queueUrl: string;
let logLines: any[];

interface RemediatorOptions {
  readonly now?: string;
  readonly rules?: DeployedRule[];
  readonly sns?: SNSClient;
  /** The remediator's S3 client, for a test that answers one of its operations (MOTO_GAPS). */
  readonly s3?: S3Client;
}

function remediator(mode: `${RemediationMode}`, options: RemediatorOptions = {}) {
  const { logger, lines } = capturedLogger('remediator');
  logLines = lines;
  const s3Client = options.s3 ?? new S3Client(moto.clientConfig);
  const rdsClient = new RDSClient(moto.clientConfig);
  return createRemediator({
    fixes: {
      S3_ENCRYPTION_KMS: s3EncryptionFix(s3Client, true),
      S3_ENCRYPTION_AES256: s3EncryptionFix(s3Client, false),
      CLOSE_WORLD_INGRESS: worldIngressFix(remediatorEc2),
      REQUIRE_IMDSV2: imdsv2Fix(remediatorEc2),
      RAISE_BACKUP_RETENTION: backupRetentionFix(rdsClient),
      BLOCK_BUCKET_PUBLIC_ACCESS: s3PublicAccessBlockFix(s3Client),
      ENABLE_S3_VERSIONING: s3VersioningFix(s3Client),
      ENABLE_DYNAMODB_PITR: dynamodbPitrFix(new DynamoDBClient(moto.clientConfig)),
      CLOSE_DEFAULT_SECURITY_GROUP: defaultSecurityGroupFix(remediatorEc2),
      DISABLE_RDS_PUBLIC_ACCESS: rdsPublicAccessFix(rdsClient),
    },
    store: new FindingStore(dynamo.documents, TABLE, 2557),
    sns: options.sns ?? new SNSClient(moto.clientConfig),
    alertTopicArn: topicArn,
    mode: mode as RemediationMode,
    rules: options.rules ?? RULES,
    logger,
    tracer: untraced(),
    now: () => new Date(options.now ?? '2026-11-23T12:00:00Z'),
  });
}

function request(configRuleName: string, resourceType: string, resourceId: string): unknown {
  return remediationEvent({ configRuleName, resourceType, resourceId, awsRegion: 'eu-west-1', annotation: 'violation', correlationId: 'req-analyzer' });
}
const sshRequest = (groupId: string) => request('restricted-ssh-test', 'AWS::EC2::SecurityGroup', groupId);
const imdsRequest = (instanceId: string) => request('ec2-imdsv2-check-test', 'AWS::EC2::Instance', instanceId);
const backupRequest = (resourceId: string) => request('db-instance-backup-enabled-test', 'AWS::RDS::DBInstance', resourceId);
const publicAccessRequest = (name: string) => request('s3-bucket-level-public-access-prohibited-test', 'AWS::S3::Bucket', name);
const versioningRequest = (name: string) => request('s3-bucket-versioning-enabled-test', 'AWS::S3::Bucket', name);
const pitrRequest = (name: string) => request('dynamodb-pitr-enabled-test', 'AWS::DynamoDB::Table', name);
const defaultGroupRequest = (groupId: string) => request('vpc-default-security-group-closed-test', 'AWS::EC2::SecurityGroup', groupId);
const rdsPublicRequest = (resourceId: string) => request('rds-instance-public-access-check-test', 'AWS::RDS::DBInstance', resourceId);

const world = (from: number, to: number, description?: string): IpPermission =>
  ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: description }] });
const OPEN_SSH = [world(0, 1024)];

let groups = 0;
/** A security group in moto's default VPC, with these ingress permissions. */
async function securityGroup(permissions: IpPermission[], tags?: Record<string, string>): Promise<string> {
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({
    GroupName: `group-${++groups}`,
    Description: 'remediator test',
    // EC2 refuses a tag specification without tags.
    TagSpecifications: tags && [{ ResourceType: 'security-group', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }],
  }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: permissions }));
  return GroupId!;
}

/** A group's ingress as moto reads it back, one sorted line per source: `tcp 0-21 0.0.0.0/0 (description)`. */
async function ingress(groupId: string): Promise<string[]> {
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0];
  return (group.IpPermissions ?? []).flatMap((permission) => {
    const ports = permission.IpProtocol === '-1' ? 'all' : `${permission.IpProtocol} ${permission.FromPort}-${permission.ToPort}`;
    const sources = [
      ...(permission.IpRanges ?? []).map((range) => [range.CidrIp, range.Description]),
      ...(permission.Ipv6Ranges ?? []).map((range) => [range.CidrIpv6, range.Description]),
    ];
    return sources.map(([cidr, description]) => `${ports} ${cidr}${description ? ` (${description})` : ''}`);
  }).sort();
}

/** An instance with IMDSv1 allowed, as Config finds it. */
async function instance(): Promise<string> {
  const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, MetadataOptions: { HttpTokens: 'optional' } }));
  return Instances![0].InstanceId!;
}

async function httpTokens(instanceId: string): Promise<string | undefined> {
  const { Reservations } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return Reservations![0].Instances![0].MetadataOptions?.HttpTokens;
}

/** A DB instance, and its resource id (`db-…`), by which Config names it. */
async function dbInstance(identifier: string, backupRetentionPeriod: number, isPublic = false): Promise<string> {
  const { DBInstance } = await rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: identifier,
    DBInstanceClass: 'db.t3.micro',
    Engine: 'postgres',
    AllocatedStorage: 20,
    MasterUsername: 'admin_user',
    MasterUserPassword: 'not-a-secret-1',
    BackupRetentionPeriod: backupRetentionPeriod,
    PubliclyAccessible: isPublic,
  }));
  return DBInstance!.DbiResourceId!;
}

async function publiclyAccessible(identifier: string): Promise<boolean | undefined> {
  return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }))).DBInstances![0].PubliclyAccessible;
}

/** moto's default VPC's default security group, with the self-referencing ingress AWS gives it (moto gives it only the egress). */
async function defaultGroup(ingressPermissions: IpPermission[] = []): Promise<string> {
  const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
  const groupId = SecurityGroups![0].GroupId!;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({
    GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId }] }, ...ingressPermissions],
  }));
  return groupId;
}

/** A group's ingress and egress permissions, as moto reads them back. */
async function groupRules(groupId: string): Promise<{ ingress: IpPermission[]; egress: IpPermission[] }> {
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0];
  return { ingress: group.IpPermissions ?? [], egress: group.IpPermissionsEgress ?? [] };
}

/** A DynamoDB table in moto, with these tags. */
async function table(name: string, tags: Record<string, string> = {}): Promise<void> {
  const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  await tables.send(new CreateTableCommand({
    TableName: name,
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    Tags: Tags.length > 0 ? Tags : undefined,
  }));
}

async function pointInTimeRecovery(name: string): Promise<PointInTimeRecoveryStatus | undefined> {
  const { ContinuousBackupsDescription } = await tables.send(new DescribeContinuousBackupsCommand({ TableName: name }));
  return ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
}

async function backupRetention(identifier: string): Promise<number | undefined> {
  return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }))).DBInstances![0].BackupRetentionPeriod;
}

async function bucket(name: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
}

/** A bucket's Block Public Access settings, or `none`. */
async function publicAccessBlock(name: string): Promise<unknown> {
  try {
    return (await s3.send(new GetPublicAccessBlockCommand({ Bucket: name }))).PublicAccessBlockConfiguration;
  } catch (error) {
    if (isAwsError(error, 'NoSuchPublicAccessBlockConfiguration')) {
      return 'none';
    }
    throw error;
  }
}

/** A bucket's versioning status, `none` for a bucket never versioned. */
async function versioning(name: string): Promise<string> {
  return (await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status ?? 'none';
}

/** A bucket's default encryption rules, or `none`. */
async function defaultEncryption(name: string): Promise<unknown> {
  try {
    return (await s3.send(new GetBucketEncryptionCommand({ Bucket: name }))).ServerSideEncryptionConfiguration?.Rules;
  } catch (error) {
    if (isAwsError(error, 'ServerSideEncryptionConfigurationNotFoundError')) {
      return 'none';
    }
    throw error;
  }
}

async function audits(resourceId: string): Promise<any[]> {
  const result = await dynamo.documents.send(new QueryCommand({
    TableName: TABLE,
    KeyConditionExpression: 'resourceId = :id AND begins_with(#sk, :audit)',
    ExpressionAttributeNames: { '#sk': 'timestamp' },
    ExpressionAttributeValues: { ':id': resourceId, ':audit': 'REMEDIATION#' },
  }));
  return result.Items ?? [];
}

/** The SNS envelope of a notification delivered to an SQS subscriber. */
interface DeliveredAlert {
  readonly Type: string;
  readonly TopicArn: string;
  readonly Subject?: string;
  readonly Message: string;
  readonly MessageAttributes?: unknown;
}

/** The alerts SNS delivered to the queue subscribed to the topic (moto delivers as it publishes). */
async function delivered(): Promise<DeliveredAlert[]> {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  return (Messages ?? []).map((message) => JSON.parse(message.Body!));
}
const subjects = async () => (await delivered()).map((alert) => alert.Subject);

beforeAll(async () => {
  [moto, dynamo] = await Promise.all([startMoto(), startDynalite()]);
  ec2 = new EC2Client(moto.clientConfig);
  rds = new RDSClient(moto.clientConfig);
  s3 = new S3Client(moto.clientConfig);
  tables = new DynamoDBClient(moto.clientConfig);
  sns = new SNSClient(moto.clientConfig);
  sqs = new SQSClient(moto.clientConfig);
  remediatorEc2 = new EC2Client(moto.clientConfig);
  remediatorEc2.middlewareStack.add((next, middlewareContext) => async (args) => {
    ec2Operations.push(middlewareContext.commandName!);
    return next(args);
  }, { step: 'initialize', name: 'recordOperations' });
  imageId = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
}, 60_000);
afterAll(async () => {
  for (const client of [ec2, rds, s3, tables, sns, sqs, remediatorEc2]) {
    client?.destroy();
  }
  await Promise.all([moto?.stop(), dynamo?.close()]);
});
beforeEach(async () => {
  await moto.reset();
  ec2Operations = [];
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'compliance-alerts-test' }))).TopicArn!;
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'alert-subscriber' }))).QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
  await createFindingsTable(dynamo.client, TABLE);
});
afterEach(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
});

describe('dry run, the default', () => {
  test('records and announces what it would do, and changes nothing', async () => {
    const groupId = await securityGroup(OPEN_SSH);
    const before = await ingress(groupId);
    const audit = await remediator('DRY_RUN')(sshRequest(groupId), context);
    expect(audit).toMatchObject({ outcome: 'WOULD_APPLY', actions: ['revoke TCP 0-1024 from 0.0.0.0/0, keeping TCP 0-21, TCP 23-1024'] });
    expect(await ingress(groupId)).toEqual(before);
    expect(ec2Operations).toEqual(['DescribeSecurityGroupsCommand']);
    expect(await audits(groupId)).toEqual([expect.objectContaining({
      timestamp: 'REMEDIATION#2026-11-23T12:00:00.000Z#restricted-ssh-test',
      mode: 'DRY_RUN',
      outcome: 'WOULD_APPLY',
      correlationId: 'req-analyzer',
      actions: audit.actions,
      configRuleName: 'restricted-ssh-test',
      resourceType: 'AWS::EC2::SecurityGroup',
    })]);
    const alerts = await delivered();
    expect(alerts).toEqual([expect.objectContaining({
      Type: 'Notification',
      TopicArn: topicArn,
      Subject: `[DRY RUN] AWS::EC2::SecurityGroup ${groupId} (restricted-ssh-test)`,
      Message: remediationMessage(audit).body,
    })]);
    expect(alerts[0].Message).toContain('Would change:\n  - revoke TCP 0-1024 from 0.0.0.0/0');
    // The publisher sets no message attributes: a subscription filter policy can match on the body only.
    expect(alerts[0].MessageAttributes).toBeUndefined();
  });

  test.each<[string, () => Promise<[event: unknown, readBack: () => Promise<unknown>, actions: string[]]>]>([
    ['an instance', async () => {
      const instanceId = await instance();
      return [imdsRequest(instanceId), () => httpTokens(instanceId), ['require IMDSv2 session tokens (HttpTokens optional → required)']];
    }],
    ['a DB instance', async () =>
      [backupRequest(await dbInstance('orders', 1)), () => backupRetention('orders'), ['raise the backup retention of orders from 1 to 7 days']]],
    ['a bucket', async () => {
      await bucket('logs-bucket');
      return [request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'logs-bucket'), () => defaultEncryption('logs-bucket'), ['set default encryption to aws:kms']];
    }],
    ['a bucket without Block Public Access', async () => {
      await bucket('open-bucket');
      return [publicAccessRequest('open-bucket'), () => publicAccessBlock('open-bucket'),
        ['turn on bucket-level Block Public Access (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets off → on)']];
    }],
    ['a bucket without versioning', async () => {
      await bucket('docs-bucket');
      return [versioningRequest('docs-bucket'), () => versioning('docs-bucket'), ['enable versioning (never enabled → Enabled)']];
    }],
    ['a table without point-in-time recovery', async () => {
      await table('orders');
      return [pitrRequest('orders'), () => pointInTimeRecovery('orders'), ['enable point-in-time recovery (DISABLED → ENABLED)']];
    }],
    ['a default security group with rules', async () => {
      const groupId = await defaultGroup();
      return [defaultGroupRequest(groupId), () => groupRules(groupId),
        [`revoke ingress all traffic from security group ${groupId} of account ${MOTO_ACCOUNT}`, 'revoke egress all traffic to 0.0.0.0/0']];
    }],
    ['a publicly accessible DB instance', async () =>
      [rdsPublicRequest(await dbInstance('orders', 1, true)), () => publiclyAccessible('orders'), ['make orders not publicly accessible (PubliclyAccessible true → false)']]],
  ])('%s reads back unchanged; the audit says what would change', async (_, arrange) => {
    const [event, readBack, actions] = await arrange();
    const before = await readBack();
    const audit = await remediator('DRY_RUN')(event, context);
    expect(audit).toMatchObject({ outcome: 'WOULD_APPLY', mode: 'DRY_RUN', actions });
    expect(await readBack()).toEqual(before);
    expect(await audits(audit.request.resourceId)).toEqual([expect.objectContaining({ outcome: 'WOULD_APPLY', actions })]);
  });
});

describe('apply', () => {
  test('security group: keeps the allowed ports open first, then revokes the world range; a second run finds nothing to do', async () => {
    // 23-1024 is already open to the world, as an earlier attempt that failed before its revocation leaves it.
    const groupId = await securityGroup([world(0, 1024, 'legacy'), world(23, 1024, 'legacy')]);
    expect(await remediator('APPLY')(sshRequest(groupId), context)).toMatchObject({ outcome: 'APPLIED' });
    const fixed = await ingress(groupId);
    expect(fixed).toEqual(['tcp 0-21 0.0.0.0/0 (legacy)', 'tcp 23-1024 0.0.0.0/0 (legacy)']);
    expect(ec2Operations).toEqual([
      'DescribeSecurityGroupsCommand', 'AuthorizeSecurityGroupIngressCommand', 'AuthorizeSecurityGroupIngressCommand', 'RevokeSecurityGroupIngressCommand',
    ]);

    expect(await remediator('APPLY', { now: '2026-11-23T12:05:00Z' })(sshRequest(groupId), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'no forbidden port is open to the world' });
    expect(await ingress(groupId)).toEqual(fixed);
    expect((await audits(groupId)).map((audit) => audit.outcome)).toEqual(['APPLIED', 'NOTHING_TO_DO']);
    expect(await subjects()).toEqual([`[REMEDIATED] AWS::EC2::SecurityGroup ${groupId} (restricted-ssh-test)`]);
  });

  test('security group: only the world sources of the forbidden port are revoked; private sources and other rules stay', async () => {
    const groupId = await securityGroup([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      world(443, 443, 'https'),
      { IpProtocol: 'udp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ]);
    expect(await remediator('APPLY')(sshRequest(groupId), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['revoke TCP 22 from 0.0.0.0/0', 'revoke TCP 22 from ::/0'] });
    expect(await ingress(groupId)).toEqual(['tcp 22-22 10.0.0.0/8', 'tcp 443-443 0.0.0.0/0 (https)', 'udp 22-22 0.0.0.0/0']);
  });

  test('IMDSv2 is required; an instance that already requires it is left alone', async () => {
    const instanceId = await instance();
    expect(await remediator('APPLY')(imdsRequest(instanceId), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['require IMDSv2 session tokens (HttpTokens optional → required)'] });
    expect(await httpTokens(instanceId)).toBe('required');
    expect(await remediator('APPLY')(imdsRequest(instanceId), context)).toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'IMDSv2 is already required' });
    expect(await httpTokens(instanceId)).toBe('required');
    expect(ec2Operations.filter((operation) => operation === 'ModifyInstanceMetadataOptionsCommand')).toHaveLength(1);
  });

  test('RDS backup retention is raised to the minimum of the rule, found by the resource id Config uses', async () => {
    const resourceId = await dbInstance('orders', 0);
    // Another resource id finds no instance: the fix looks its instance up by resource id, never takes the first listed.
    expect(await remediator('APPLY')(backupRequest('db-ANOTHERINSTANCE0000000000'), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'DB instance db-ANOTHERINSTANCE0000000000 no longer exists' });
    expect(await backupRetention('orders')).toBe(0);
    const audit = await remediator('APPLY')(backupRequest(resourceId), context);
    expect(audit).toMatchObject({
      outcome: 'APPLIED',
      actions: ['raise the backup retention of orders from 0 to 7 days (turning backups on briefly suspends I/O on single-AZ instances)'],
    });
    expect(await backupRetention('orders')).toBe(7);

    expect(await remediator('APPLY')(backupRequest(resourceId), context)).toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'backup retention is already 7 days' });
    expect(await backupRetention('orders')).toBe(7);
  });

  test('RDS backup retention above an exact period is never lowered: a person decides, and hears of it', async () => {
    const resourceId = await dbInstance('orders', 30);
    const rules = rulesWith(rule('db-instance-backup-enabled', { parameters: { backupRetentionPeriod: '7' } }));
    expect(await remediator('APPLY', { rules })(backupRequest(resourceId), context)).toMatchObject({
      outcome: 'NEEDS_A_PERSON',
      reason: 'backup retention is 30 days, above the rule\'s 7: lowering it deletes backups, so change it by hand',
    });
    expect(await backupRetention('orders')).toBe(30);
    expect(await subjects()).toEqual([`[FIX BY HAND] AWS::RDS::DBInstance ${resourceId} (db-instance-backup-enabled-test)`]);
  });

  test('S3: SSE-KMS with the AWS managed key for the KMS rule, AES256 for the other; buckets without tags are fine', async () => {
    await bucket('logs-bucket');
    await bucket('assets-bucket');
    expect(await remediator('APPLY')(request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'logs-bucket'), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['set default encryption to aws:kms'] });
    expect(await remediator('APPLY')(request('s3-bucket-server-side-encryption-enabled-test', 'AWS::S3::Bucket', 'assets-bucket'), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['set default encryption to AES256'] });
    expect(await defaultEncryption('logs-bucket')).toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }]);
    expect(await defaultEncryption('assets-bucket')).toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }]);

    expect(await remediator('APPLY')(request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'logs-bucket'), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'default encryption already meets the rule' });
    expect(await defaultEncryption('logs-bucket')).toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }]);
  });

  test('S3: the KMS rule with allowed keys sets the first of them, replacing SSE-S3', async () => {
    const [first, second] = ['1111', '2222'].map((id) => `arn:aws:kms:eu-west-1:123456789012:key/${id}`);
    await bucket('logs-bucket');
    await s3.send(new PutBucketEncryptionCommand({
      Bucket: 'logs-bucket',
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    }));
    const rules = rulesWith(rule('s3-default-encryption-kms', { parameters: { kmsKeyArns: `${first},${second}` } }));
    expect(await remediator('APPLY', { rules })(request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'logs-bucket'), context))
      .toMatchObject({ outcome: 'APPLIED', actions: [`set default encryption to aws:kms with ${first}`] });
    expect(await defaultEncryption('logs-bucket'))
      .toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: first }, BucketKeyEnabled: true }]);
  });

  test('RDS: a rule without parameters asks for a day of backups, which turns them on', async () => {
    const resourceId = await dbInstance('orders', 0);
    const rules = rulesWith(rule('db-instance-backup-enabled', { parameters: undefined }));
    expect(await remediator('APPLY', { rules })(backupRequest(resourceId), context)).toMatchObject({ outcome: 'APPLIED' });
    expect(await backupRetention('orders')).toBe(1);
  });

  test('S3 Block Public Access: the settings that are off are turned on, all four; a second run finds nothing to do', async () => {
    await bucket('open-bucket');
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'open-bucket', PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false } }));
    expect(await remediator('APPLY')(publicAccessRequest('open-bucket'), context)).toMatchObject({
      outcome: 'APPLIED', actions: ['turn on bucket-level Block Public Access (IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets off → on)'],
    });
    const blocked = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    expect(await publicAccessBlock('open-bucket')).toEqual(blocked);
    expect(await remediator('APPLY')(publicAccessRequest('open-bucket'), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'bucket-level Block Public Access is already on' });
    expect(await publicAccessBlock('open-bucket')).toEqual(blocked);
    expect(await subjects()).toEqual(['[REMEDIATED] AWS::S3::Bucket open-bucket (s3-bucket-level-public-access-prohibited-test)']);
  });

  test('S3 Block Public Access: a bucket the rule lists in excludedPublicBuckets stays public, and no one is alerted', async () => {
    await bucket('public-site');
    expect(await remediator('APPLY')(publicAccessRequest('public-site'), context)).toMatchObject({
      outcome: 'NOTHING_TO_DO', reason: 'bucket public-site is listed in the rule\'s excludedPublicBuckets: it may be public',
    });
    expect(await publicAccessBlock('public-site')).toBe('none');
    expect(await subjects()).toEqual([]);
  });

  test('S3 versioning: a suspended bucket is versioned again; a second run finds nothing to do', async () => {
    await bucket('docs-bucket');
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'docs-bucket', VersioningConfiguration: { Status: 'Suspended' } }));
    expect(await remediator('APPLY')(versioningRequest('docs-bucket'), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['enable versioning (Suspended → Enabled)'] });
    expect(await versioning('docs-bucket')).toBe('Enabled');
    expect(await remediator('APPLY')(versioningRequest('docs-bucket'), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'versioning is already enabled' });
    expect(await versioning('docs-bucket')).toBe('Enabled');
  });

  test('S3 versioning: a rule that requires MFA delete leaves the bucket to a person, who hears of it', async () => {
    await bucket('docs-bucket');
    const rules = rulesWith(rule('s3-bucket-versioning-enabled', { parameters: { isMfaDeleteEnabled: 'true' } }));
    expect(await remediator('APPLY', { rules })(versioningRequest('docs-bucket'), context)).toMatchObject({
      outcome: 'NEEDS_A_PERSON',
      reason: 'the rule requires MFA delete, which only the root user can enable, with its MFA device: enable versioning and MFA delete by hand',
    });
    expect(await versioning('docs-bucket')).toBe('none');
    expect(await subjects()).toEqual(['[FIX BY HAND] AWS::S3::Bucket docs-bucket (s3-bucket-versioning-enabled-test)']);
  });

  test('S3 versioning: MFA delete as S3 reports it decides, read from the bucket (moto reports none: see MOTO_GAPS)', async () => {
    await bucket('docs-bucket');
    await bucket('old-bucket');
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'docs-bucket', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'old-bucket', VersioningConfiguration: { Status: 'Suspended' } }));
    const remediatorS3 = new S3Client(moto.clientConfig);
    answerGap(remediatorS3, GetBucketVersioningCommand, async (input, toMoto) => ({ ...await toMoto(input), MFADelete: 'Enabled' as const }));
    const rules = rulesWith(rule('s3-bucket-versioning-enabled', { parameters: { isMfaDeleteEnabled: 'true' } }));
    try {
      expect(await remediator('APPLY', { rules, s3: remediatorS3 })(versioningRequest('docs-bucket'), context))
        .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'versioning is already enabled, with MFA delete' });
      expect(await remediator('APPLY', { s3: remediatorS3 })(versioningRequest('old-bucket'), context)).toMatchObject({
        outcome: 'NEEDS_A_PERSON', reason: 'MFA delete is enabled, so enabling versioning needs the root user\'s MFA device: enable it by hand',
      });
    } finally {
      remediatorS3.destroy();
    }
    expect(await versioning('old-bucket')).toBe('Suspended');
  });

  test('DynamoDB: point-in-time recovery is turned on; a second run finds nothing to do', async () => {
    await table('orders');
    expect(await remediator('APPLY')(pitrRequest('orders'), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['enable point-in-time recovery (DISABLED → ENABLED)'] });
    expect(await pointInTimeRecovery('orders')).toBe('ENABLED');
    expect(await remediator('APPLY')(pitrRequest('orders'), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'point-in-time recovery is already enabled' });
    expect(await pointInTimeRecovery('orders')).toBe('ENABLED');
  });

  test('default security group: every rule is revoked, each recorded in the audit; a second run finds nothing to do', async () => {
    const groupId = await defaultGroup([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'vpn' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      { IpProtocol: 'udp', FromPort: 1000, ToPort: 2000, PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0' }] },
    ]);
    const audit = await remediator('APPLY')(defaultGroupRequest(groupId), context);
    const actions = [
      'revoke ingress TCP 22 from 10.0.0.0/8 (vpn)',
      'revoke ingress TCP 22 from ::/0',
      'revoke ingress UDP 1000-2000 from prefix list pl-0123456789abcdef0',
      `revoke ingress all traffic from security group ${groupId} of account ${MOTO_ACCOUNT}`,
      'revoke egress all traffic to 0.0.0.0/0',
    ];
    expect(audit).toMatchObject({ outcome: 'APPLIED' });
    expect([...audit.actions].sort()).toEqual([...actions].sort());
    expect(await groupRules(groupId)).toEqual({ ingress: [], egress: [] });
    expect(ec2Operations).toEqual(['DescribeSecurityGroupsCommand', 'RevokeSecurityGroupIngressCommand', 'RevokeSecurityGroupEgressCommand']);
    expect(await audits(groupId)).toEqual([expect.objectContaining({ outcome: 'APPLIED', actions: audit.actions })]);

    expect(await remediator('APPLY')(defaultGroupRequest(groupId), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'the default security group has no rules' });
    expect(ec2Operations.filter((operation) => operation.startsWith('Revoke'))).toHaveLength(2);
  });

  test('default security group: a group that is not a default one keeps its rules', async () => {
    const groupId = await securityGroup(OPEN_SSH);
    const before = await groupRules(groupId);
    expect(await remediator('APPLY')(defaultGroupRequest(groupId), context)).toMatchObject({
      outcome: 'NOTHING_TO_DO', reason: `security group ${groupId} is not a default security group (group-${groups}): the rule judges only those`,
    });
    expect(await groupRules(groupId)).toEqual(before);
  });

  test('RDS public access is turned off, found by the resource id Config uses; a second run finds nothing to do', async () => {
    const resourceId = await dbInstance('orders', 1, true);
    expect(await remediator('APPLY')(rdsPublicRequest(resourceId), context))
      .toMatchObject({ outcome: 'APPLIED', actions: ['make orders not publicly accessible (PubliclyAccessible true → false)'] });
    expect(await publiclyAccessible('orders')).toBe(false);
    expect(await remediator('APPLY')(rdsPublicRequest(resourceId), context))
      .toMatchObject({ outcome: 'NOTHING_TO_DO', reason: 'the DB instance is already not publicly accessible' });
    expect(await publiclyAccessible('orders')).toBe(false);
  });

  test('a fix that fails is recorded, announced and thrown, so that Lambda retries it and then dead-letters it', async () => {
    // 60 rules, the limit of a group in a VPC: the ports kept open cannot be authorized before the revocation.
    const full: IpPermission = { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: Array.from({ length: 59 }, (_, i) => ({ CidrIp: `10.0.${i}.0/24` })) };
    const groupId = await securityGroup([world(0, 1024), full]);
    const before = await ingress(groupId);
    const message = 'The maximum number of rules per security group has been reached.';
    await expect(remediator('APPLY')(sshRequest(groupId), context)).rejects.toThrow(`remediation of ${groupId} failed: ${message}`);
    expect(await ingress(groupId)).toEqual(before);
    expect(before).toContain('tcp 0-1024 0.0.0.0/0');
    expect(ec2Operations).not.toContain('RevokeSecurityGroupIngressCommand');
    expect(await audits(groupId)).toEqual([expect.objectContaining({ outcome: 'FAILED', reason: message })]);
    expect(await subjects()).toEqual([`[REMEDIATION FAILED] AWS::EC2::SecurityGroup ${groupId} (restricted-ssh-test)`]);
    // The audit keeps the message; the log keeps the stack of the error the fix swallowed.
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'fix failed',
      resourceId: groupId,
      correlationId: 'req-analyzer',
      error: expect.objectContaining({ name: 'RulesPerSecurityGroupLimitExceeded', stack: expect.stringContaining(`${message}\n    at `) }),
    }));
  });
});

describe('never touches', () => {
  test('a resource an exemption covers by tag: recorded, not announced, not changed', async () => {
    const groupId = await securityGroup(OPEN_SSH, { 'compliance-exempt': 'bastion' });
    const before = await ingress(groupId);
    expect(await remediator('APPLY')(sshRequest(groupId), context)).toMatchObject({ outcome: 'EXEMPT', reason: 'RISK-42: bastion' });
    expect(await ingress(groupId)).toEqual(before);
    expect(ec2Operations).toEqual(['DescribeSecurityGroupsCommand']);
    expect(await subjects()).toEqual([]);
    expect(await audits(groupId)).toEqual([expect.objectContaining({ outcome: 'EXEMPT' })]);
  });

  test('a bucket an exemption covers by its tag: its tags read from S3, the bucket left unencrypted', async () => {
    await bucket('public-assets');
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'public-assets', Tagging: { TagSet: [{ Key: 'data-class', Value: 'public' }] } }));
    const rules = rulesWith(rule('s3-default-encryption-kms', { exemptions: [{ tag: { key: 'data-class', value: 'public' }, reason: 'public website' }] }));
    expect(await remediator('APPLY', { rules })(request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'public-assets'), context))
      .toMatchObject({ outcome: 'EXEMPT', reason: 'public website' });
    expect(await defaultEncryption('public-assets')).toBe('none');
  });

  test('a resource exempt by id until its expiry; after it, the fix applies', async () => {
    const instanceId = await instance();
    const rules = rulesWith(rule('ec2-imdsv2-check', { exemptions: [{ resourceIds: [instanceId], reason: 'vendor appliance', expiresAt: '2026-12-01T00:00:00.000Z' }] }));
    expect(await remediator('APPLY', { rules, now: '2026-11-30T23:59:59Z' })(imdsRequest(instanceId), context))
      .toMatchObject({ outcome: 'EXEMPT', reason: 'vendor appliance' });
    expect(await httpTokens(instanceId)).toBe('optional');
    expect(await remediator('APPLY', { rules, now: '2026-12-01T00:00:00Z' })(imdsRequest(instanceId), context)).toMatchObject({ outcome: 'APPLIED' });
    expect(await httpTokens(instanceId)).toBe('required');
  });

  test.each<[string, () => Promise<[ruleName: string, event: unknown, readBack: () => Promise<unknown>]>]>([
    ['a bucket without Block Public Access', async () => {
      await bucket('open-bucket');
      return ['s3-bucket-level-public-access-prohibited', publicAccessRequest('open-bucket'), () => publicAccessBlock('open-bucket')];
    }],
    ['a bucket without versioning', async () => {
      await bucket('docs-bucket');
      return ['s3-bucket-versioning-enabled', versioningRequest('docs-bucket'), () => versioning('docs-bucket')];
    }],
    ['a table without point-in-time recovery', async () => {
      await table('orders');
      return ['dynamodb-pitr-enabled', pitrRequest('orders'), () => pointInTimeRecovery('orders')];
    }],
    ['a default security group with rules', async () => {
      const groupId = await defaultGroup();
      return ['vpc-default-security-group-closed', defaultGroupRequest(groupId), () => groupRules(groupId)];
    }],
    ['a publicly accessible DB instance', async () =>
      ['rds-instance-public-access-check', rdsPublicRequest(await dbInstance('orders', 1, true)), () => publiclyAccessible('orders')]],
  ])('%s exempt by id: recorded, not changed', async (_, arrange) => {
    const [ruleName, event, readBack] = await arrange();
    const resourceId = (event as { detail: { resourceId: string } }).detail.resourceId;
    const rules = rulesWith(rule(ruleName, { exemptions: [{ resourceIds: [resourceId], reason: 'RISK-9: accepted' }] }));
    const before = await readBack();
    expect(await remediator('APPLY', { rules })(event, context)).toMatchObject({ outcome: 'EXEMPT', reason: 'RISK-9: accepted' });
    expect(await readBack()).toEqual(before);
    expect(await subjects()).toEqual([]);
  });

  test('a table an exemption covers by a tag on the second page of its tags: all pages are read', async () => {
    const tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`tag-${String(i).padStart(2, '0')}`, 'x']));
    await table('scratch', { ...tags, 'zz-compliance-exempt': 'scratch' });
    const rules = rulesWith(rule('dynamodb-pitr-enabled', { exemptions: [{ tag: { key: 'zz-compliance-exempt', value: 'scratch' }, reason: 'scratch data' }] }));
    expect(await remediator('APPLY', { rules })(pitrRequest('scratch'), context)).toMatchObject({ outcome: 'EXEMPT', reason: 'scratch data' });
    expect(await pointInTimeRecovery('scratch')).toBe('DISABLED');
  });

  test.each<[string, () => Promise<[event: unknown, reason: string]>]>([
    ['a deleted security group', async () => {
      const groupId = await securityGroup(OPEN_SSH);
      await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
      return [sshRequest(groupId), `security group ${groupId} no longer exists`];
    }],
    ['a terminated instance', async () => {
      const instanceId = await instance();
      await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
      return [imdsRequest(instanceId), `instance ${instanceId} no longer exists`];
    }],
    ['an unknown instance', async () => [imdsRequest('i-0123456789abcdef0'), 'instance i-0123456789abcdef0 no longer exists']],
    ['a deleted DB instance', async () => {
      const resourceId = await dbInstance('orders', 0);
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'orders', SkipFinalSnapshot: true }));
      return [backupRequest(resourceId), `DB instance ${resourceId} no longer exists`];
    }],
    ['a DB instance that keeps enough backups', async () => [backupRequest(await dbInstance('orders', 14)), 'backup retention is already 14 days']],
    ['a deleted bucket', async () => [request('s3-default-encryption-kms-test', 'AWS::S3::Bucket', 'gone-bucket'), 'bucket gone-bucket no longer exists']],
    ['a deleted bucket, for Block Public Access', async () => [publicAccessRequest('gone-bucket'), 'bucket gone-bucket no longer exists']],
    ['a deleted bucket, for versioning', async () => [versioningRequest('gone-bucket'), 'bucket gone-bucket no longer exists']],
    ['a deleted table', async () => [pitrRequest('gone-table'), 'table gone-table no longer exists']],
    ['an unknown default security group', async () => [defaultGroupRequest('sg-0123456789abcdef0'), 'security group sg-0123456789abcdef0 no longer exists']],
    ['an unknown publicly accessible DB instance', async () =>
      [rdsPublicRequest('db-ANOTHERINSTANCE0000000000'), 'DB instance db-ANOTHERINSTANCE0000000000 no longer exists']],
  ])('%s: nothing to do, recorded', async (_, arrange) => {
    const [event, reason] = await arrange();
    const audit = await remediator('APPLY')(event, context);
    expect(audit).toMatchObject({ outcome: 'NOTHING_TO_DO', reason });
    expect(await audits(audit.request.resourceId)).toEqual([expect.objectContaining({ outcome: 'NOTHING_TO_DO', reason })]);
    expect(await subjects()).toEqual([]);
  });

  test('all traffic open to the world: a person decides, and hears of it', async () => {
    const groupId = await securityGroup([{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
    expect(await remediator('APPLY')(sshRequest(groupId), context)).toMatchObject({ outcome: 'NEEDS_A_PERSON' });
    expect(await ingress(groupId)).toEqual(['all 0.0.0.0/0']);
    const [subject, ...others] = await subjects();
    expect(others).toEqual([]);
    expect(subject).toBe(`[FIX BY HAND] AWS::EC2::SecurityGroup ${groupId} (restricted-ssh-test)`);
    expect(subject!.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
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
    const groupId = await securityGroup(OPEN_SSH);
    const down = new SNSClient({ ...moto.clientConfig, endpoint: await closedEndpoint(), maxAttempts: 1 });
    try {
      expect(await remediator('DRY_RUN', { sns: down })(sshRequest(groupId), context)).toMatchObject({ outcome: 'WOULD_APPLY' });
    } finally {
      down.destroy();
    }
    expect(await audits(groupId)).toHaveLength(1);
    expect(await delivered()).toEqual([]);
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 'ERROR',
      message: 'alert not published',
      correlationId: 'req-analyzer',
      subject: `[DRY RUN] AWS::EC2::SecurityGroup ${groupId} (restricted-ssh-test)`,
      body: expect.stringContaining('Would change:\n  - revoke TCP 0-1024 from 0.0.0.0/0'),
      error: expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED'), stack: expect.stringContaining('ECONNREFUSED') }),
    }));
  });
});
