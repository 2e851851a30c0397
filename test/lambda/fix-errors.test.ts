import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetBucketEncryptionCommand, GetBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { imdsv2Fix } from '../../lambda/remediation/fixes/imdsv2';
import { s3EncryptionFix } from '../../lambda/remediation/fixes/s3-encryption';
import { RemediationRequest } from '../../lambda/remediation/remediation-request';
import { isAwsError } from '../../lambda/runtime/aws-errors';
import { Severity } from '../../src/core/rules/severity';
import { DeployedRule } from '../../src/core/settings/deployed-rule';

/*
 * What a fix does when AWS answers with an error: a resource that is gone is nothing to do, any
 * other error is thrown (so the remediator records FAILED and Lambda retries), never swallowed.
 */

const s3 = mockClient(S3Client);
const ec2 = mockClient(EC2Client);
const awsError = (name: string, by: 'name' | 'Code' = 'name') =>
  Object.assign(new Error(name), by === 'name' ? { name } : { name: 'Error', Code: name });
const request = (resourceType: string, resourceId: string): RemediationRequest =>
  ({ configRuleName: 'rule-test', resourceType, resourceId, awsRegion: 'eu-west-1', correlationId: 'req-1' });
const rule: DeployedRule = { configRuleName: 'rule-test', ruleName: 's3-default-encryption-kms', severity: Severity.HIGH, evaluationMode: 'MANAGED' };

beforeEach(() => {
  s3.reset();
  ec2.reset();
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
    s3.on(GetBucketEncryptionCommand).rejects(awsError('NoSuchBucket'));
    const plan = await s3EncryptionFix(new S3Client({ region: 'eu-west-1' }), true)(request('AWS::S3::Bucket', 'gone'), rule);
    expect(plan).toMatchObject({ actions: [], reason: 'bucket gone no longer exists' });
  });

  test.each([
    ['reading the encryption', GetBucketEncryptionCommand],
    ['reading the tags', GetBucketTaggingCommand],
  ])('an error %s is thrown, not taken for an unencrypted or untagged bucket', async (_, command) => {
    s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError'));
    s3.on(command as typeof GetBucketEncryptionCommand).rejects(awsError('AccessDenied'));
    await expect(s3EncryptionFix(new S3Client({ region: 'eu-west-1' }), false)(request('AWS::S3::Bucket', 'locked'), rule)).rejects.toThrow('AccessDenied');
  });
});

describe('the IMDSv2 fix', () => {
  test('an instance EC2 no longer knows is nothing to do', async () => {
    ec2.on(DescribeInstancesCommand).rejects(awsError('InvalidInstanceID.NotFound'));
    const plan = await imdsv2Fix(new EC2Client({ region: 'eu-west-1' }))(request('AWS::EC2::Instance', 'i-gone'), rule);
    expect(plan).toMatchObject({ actions: [], reason: 'instance i-gone no longer exists' });
  });

  test('any other error is thrown', async () => {
    ec2.on(DescribeInstancesCommand).rejects(awsError('UnauthorizedOperation'));
    await expect(imdsv2Fix(new EC2Client({ region: 'eu-west-1' }))(request('AWS::EC2::Instance', 'i-1'), rule)).rejects.toThrow('UnauthorizedOperation');
  });
});
