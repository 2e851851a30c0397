import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateBucketCommand, GetBucketEncryptionCommand, GetBucketTaggingCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, S3Client,
} from '@aws-sdk/client-s3';
import { AwsStub, mockClient } from 'aws-sdk-client-mock';
import { defaultSecurityGroupFix } from '../../lambda/remediation/fixes/default-security-group';
import { dynamodbPitrFix } from '../../lambda/remediation/fixes/dynamodb-pitr';
import { imdsv2Fix } from '../../lambda/remediation/fixes/imdsv2';
import { s3EncryptionFix } from '../../lambda/remediation/fixes/s3-encryption';
import { s3PublicAccessBlockFix } from '../../lambda/remediation/fixes/s3-public-access-block';
import { s3VersioningFix } from '../../lambda/remediation/fixes/s3-versioning';
import { worldIngressFix } from '../../lambda/remediation/fixes/world-ingress';
import { RemediationRequest } from '../../lambda/remediation/remediation-request';
import { isAwsError } from '../../lambda/runtime/aws-errors';
import { Severity } from '../../src/core/rules/severity';
import { DeployedRule } from '../../src/core/settings/deployed-rule';
import { MotoServer, startMoto } from '../support/moto';

/*
 * What a fix does when AWS answers with an error: a resource that is gone is nothing to do, any
 * other error is thrown (so the remediator records FAILED and Lambda retries), never swallowed.
 * The errors for missing resources are moto's own; moto enforces no IAM policy, so a denial is
 * injected into one operation of a client that otherwise talks to moto.
 */

const awsError = (name: string, by: 'name' | 'Code' = 'name') =>
  Object.assign(new Error(name), by === 'name' ? { name } : { name: 'Error', Code: name });
const request = (resourceType: string, resourceId: string): RemediationRequest =>
  ({ configRuleName: 'rule-test', resourceType, resourceId, awsRegion: 'eu-west-1', correlationId: 'req-1' });
const rule = (ruleName: string): DeployedRule => ({ configRuleName: 'rule-test', ruleName, severity: Severity.HIGH, evaluationMode: 'MANAGED' });
const s3Rule = rule('s3-default-encryption-kms');

let moto: MotoServer;
let mocks: AwsStub<any, any, any>[];

/** The stub of one client on moto: the operations the test stubs answer as it says, every other one reaches moto. */
function passingThrough<M extends AwsStub<any, any, any>>(mock: M): M {
  mock.send.callThrough();
  mocks.push(mock);
  return mock;
}

beforeAll(async () => {
  moto = await startMoto();
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});
beforeEach(async () => {
  mocks = [];
  await moto.reset();
});
afterEach(() => {
  for (const mock of mocks) {
    mock.restore();
  }
});

describe('AWS errors', () => {
  test('are recognised by name, or by the Code some services give instead', () => {
    expect(isAwsError(awsError('NoSuchBucket'), 'NoSuchBucket')).toBe(true);
    expect(isAwsError(awsError('NoSuchBucket', 'Code'), 'NoSuchBucket')).toBe(true);
    expect(isAwsError(awsError('AccessDenied'), 'NoSuchBucket')).toBe(false);
    expect(isAwsError(undefined, 'NoSuchBucket')).toBe(false);
  });
});

describe('the S3 encryption fix', () => {
  test('a bucket that no longer exists is nothing to do', async () => {
    const plan = await s3EncryptionFix(new S3Client(moto.clientConfig), true)(request('AWS::S3::Bucket', 'gone'), s3Rule);
    expect(plan).toMatchObject({ actions: [], reason: 'bucket gone no longer exists' });
  });

  test.each([
    ['reading the encryption', GetBucketEncryptionCommand],
    ['reading the tags', GetBucketTaggingCommand],
  ])('an error %s is thrown, not taken for an unencrypted or untagged bucket', async (_, command) => {
    const s3 = new S3Client(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'locked', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    // Unencrypted and untagged in moto: without the denial, the fix plans AES256.
    expect(await s3EncryptionFix(s3, false)(request('AWS::S3::Bucket', 'locked'), s3Rule)).toMatchObject({ actions: ['set default encryption to AES256'] });
    passingThrough(mockClient(s3)).on(command as typeof GetBucketEncryptionCommand).rejects(awsError('AccessDenied'));
    await expect(s3EncryptionFix(s3, false)(request('AWS::S3::Bucket', 'locked'), s3Rule)).rejects.toThrow('AccessDenied');
  });
});

describe('the IMDSv2 fix', () => {
  test('an instance EC2 no longer knows is nothing to do', async () => {
    const plan = await imdsv2Fix(new EC2Client(moto.clientConfig))(request('AWS::EC2::Instance', 'i-0123456789abcdef0'), rule('ec2-imdsv2-check'));
    expect(plan).toMatchObject({ actions: [], reason: 'instance i-0123456789abcdef0 no longer exists' });
  });

  test('any other error is thrown', async () => {
    const ec2 = new EC2Client(moto.clientConfig);
    passingThrough(mockClient(ec2)).on(DescribeInstancesCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(imdsv2Fix(ec2)(request('AWS::EC2::Instance', 'i-0123456789abcdef0'), rule('ec2-imdsv2-check'))).rejects.toThrow('UnauthorizedOperation');
  });
});

describe('the world-ingress fix', () => {
  test('a security group EC2 no longer knows is nothing to do', async () => {
    const plan = await worldIngressFix(new EC2Client(moto.clientConfig))(request('AWS::EC2::SecurityGroup', 'sg-0123456789abcdef0'), rule('restricted-ssh'));
    expect(plan).toMatchObject({ actions: [], reason: 'security group sg-0123456789abcdef0 no longer exists' });
  });

  test('any other error is thrown', async () => {
    const ec2 = new EC2Client(moto.clientConfig);
    passingThrough(mockClient(ec2)).on(DescribeSecurityGroupsCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(worldIngressFix(ec2)(request('AWS::EC2::SecurityGroup', 'sg-0123456789abcdef0'), rule('restricted-ssh'))).rejects.toThrow('UnauthorizedOperation');
  });
});

describe('the S3 Block Public Access and versioning fixes', () => {
  test.each([
    ['Block Public Access', s3PublicAccessBlockFix, GetPublicAccessBlockCommand, 's3-bucket-level-public-access-prohibited'],
    ['versioning', s3VersioningFix, GetBucketVersioningCommand, 's3-bucket-versioning-enabled'],
  ])('%s: an error reading the bucket is thrown, not taken for a bucket without the setting', async (_, fix, command, ruleName) => {
    const s3 = new S3Client(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'locked', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    expect((await fix(s3)(request('AWS::S3::Bucket', 'locked'), rule(ruleName))).actions).toHaveLength(1);
    passingThrough(mockClient(s3)).on(command as typeof GetPublicAccessBlockCommand).rejects(awsError('AccessDenied'));
    await expect(fix(s3)(request('AWS::S3::Bucket', 'locked'), rule(ruleName))).rejects.toThrow('AccessDenied');
  });
});

describe('the DynamoDB point-in-time recovery fix', () => {
  test('an error other than a missing table is thrown', async () => {
    const dynamodb = new DynamoDBClient(moto.clientConfig);
    passingThrough(mockClient(dynamodb)).on(DescribeTableCommand).rejects(awsError('AccessDeniedException'));
    await expect(dynamodbPitrFix(dynamodb)(request('AWS::DynamoDB::Table', 'orders'), rule('dynamodb-pitr-enabled'))).rejects.toThrow('AccessDeniedException');
  });
});

describe('the default security group fix', () => {
  test('an error other than a missing group is thrown', async () => {
    const ec2 = new EC2Client(moto.clientConfig);
    passingThrough(mockClient(ec2)).on(DescribeSecurityGroupsCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(defaultSecurityGroupFix(ec2)(request('AWS::EC2::SecurityGroup', 'sg-0123456789abcdef0'), rule('vpc-default-security-group-closed')))
      .rejects.toThrow('UnauthorizedOperation');
  });
});
