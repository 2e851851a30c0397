import { evaluate } from '../../src/core/engine';
import { fixture, invokingEventItem } from '../support/fixtures';

const POWERTOOLS_EC2 = invokingEventItem('rule-invocation-events/powertools-awsConfigRuleConfigurationChanged.json');
const RDK_EC2 = fixture('configuration-items/rdk-example-AWS_EC2_Instance.json');
const RDK_SG = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
const RDK_RDS = fixture('configuration-items/rdk-example-AWS_RDS_DBInstance.json');
const RDK_VOLUME = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
const RDK_S3 = fixture('configuration-items/rdk-example-AWS_S3_Bucket.json');
const S3_AES256 = fixture('configuration-items/hanegraaff-s3-bucket-sse-invokingEvent.json').configurationItem;

const RECOMMENDED_TAGS = { tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'CostCenter' };

describe('the real fixtures, rule by rule', () => {
  test.each([
    ['Powertools EC2 event (1.3): IMDSv1 allowed', POWERTOOLS_EC2, 'ec2-imdsv2-check', {}, 'NON_COMPLIANT', 'IMDSv1 is allowed (httpTokens optional)'],
    ['Powertools EC2 event: missing the recommended tags', POWERTOOLS_EC2, 'required-tags', RECOMMENDED_TAGS, 'NON_COMPLIANT',
      'Required tags: missing Environment; missing Owner; missing CostCenter'],
    ['Powertools EC2 event: carries projeto=meetup', POWERTOOLS_EC2, 'required-tags', { tag1Key: 'projeto', tag1Value: 'meetup,demo' }, 'COMPLIANT',
      'Has required tags projeto'],
    ['Powertools EC2 event: t2.medium against its rule parameter t2.micro', POWERTOOLS_EC2, 'desired-instance-type', { instanceType: 't2.micro' },
      'NON_COMPLIANT', 'Instance type t2.medium is not one of t2.micro'],
    ['RDK EC2 instance (1.2): IMDSv1 allowed', RDK_EC2, 'ec2-imdsv2-check', {}, 'NON_COMPLIANT', 'IMDSv1 is allowed (httpTokens optional)'],
    ['RDK EC2 instance: t2.micro is desired', RDK_EC2, 'desired-instance-type', { instanceType: 't2.small, t2.micro' }, 'COMPLIANT',
      'Instance type t2.micro is desired'],
    ['RDK security group: SSH open to the world', RDK_SG, 'restricted-ssh', {}, 'NON_COMPLIANT', 'SSH (TCP 22) is open to 0.0.0.0/0'],
    ['RDK security group: no common port open', RDK_SG, 'restricted-common-ports', {}, 'COMPLIANT',
      'No blocked TCP port (20, 21, 3389, 3306, 4333) is open to 0.0.0.0/0 or ::/0'],
    ['RDK security group: 22 is not an authorized port', RDK_SG, 'vpc-sg-open-only-to-authorized-ports', { authorizedTcpPorts: '443' },
      'NON_COMPLIANT', 'Unauthorized ports open to the world: TCP 22'],
    ['RDK security group: 22 inside an authorized range', RDK_SG, 'vpc-sg-open-only-to-authorized-ports', { authorizedTcpPorts: '443,20-25' },
      'COMPLIANT', 'Only authorized ports are open to the world'],
    ['RDK RDS instance: storage encrypted', RDK_RDS, 'rds-storage-encrypted', {}, 'COMPLIANT',
      'Storage is encrypted with arn:aws:kms:us-east-1:264683526309:key/e20f3a10-781f-4582-93d7-6dfe67cac827'],
    ['RDK RDS instance: encrypted with the required key id', RDK_RDS, 'rds-storage-encrypted', { kmsKeyId: 'e20f3a10-781f-4582-93d7-6dfe67cac827' },
      'COMPLIANT', 'Storage is encrypted with arn:aws:kms:us-east-1:264683526309:key/e20f3a10-781f-4582-93d7-6dfe67cac827'],
    ['RDK RDS instance: not the required key', RDK_RDS, 'rds-storage-encrypted', { kmsKeyId: 'other-key' }, 'NON_COMPLIANT',
      'Storage is encrypted with arn:aws:kms:us-east-1:264683526309:key/e20f3a10-781f-4582-93d7-6dfe67cac827, not other-key'],
    ['RDK RDS instance: 7 days of backups', RDK_RDS, 'db-instance-backup-enabled', {}, 'COMPLIANT', 'Automated backups kept 7 days'],
    ['RDK RDS instance: below a 14-day minimum', RDK_RDS, 'db-instance-backup-enabled', { backupRetentionMinimum: '14' }, 'NON_COMPLIANT',
      'Backup retention is 7 days, below the minimum of 14'],
    ['RDK volume: attached and encrypted', RDK_VOLUME, 'encrypted-volumes', {}, 'COMPLIANT', 'Attached volume is encrypted'],
    ['RDK volume: encrypted with another key', RDK_VOLUME, 'encrypted-volumes', { kmsId: 'arn:aws:kms:us-east-1:111111111111:key/other' },
      'NON_COMPLIANT', 'Volume is encrypted with arn:aws:kms:ap-southeast-1:055409840355:key/bd41e26b-d347-4c59-ab0b-32aee30fcf8d, not arn:aws:kms:us-east-1:111111111111:key/other'],
    ['RDK S3 bucket: no default encryption, policy only denies insecure transport', RDK_S3, 's3-bucket-server-side-encryption-enabled', {},
      'NON_COMPLIANT', 'No default encryption, and the bucket policy does not deny unencrypted PutObject'],
    ['S3 bucket with AES256 default encryption', S3_AES256, 's3-bucket-server-side-encryption-enabled', {}, 'COMPLIANT', 'Default encryption AES256'],
    ['S3 bucket with AES256 is not KMS-encrypted', S3_AES256, 's3-default-encryption-kms', {}, 'NON_COMPLIANT', 'Default encryption does not use AWS KMS'],
  ])('%s', (_, item, ruleName, parameters, complianceType, annotation) => {
    expect(evaluate(item, { ruleName, parameters })).toEqual({ complianceType, annotation });
  });

  test.each([
    ['ResourceDeleted'],
    ['ResourceDeletedNotRecorded'],
  ])('a %s security group is NOT_APPLICABLE even with SSH open', (status) => {
    expect(evaluate({ ...RDK_SG, configurationItemStatus: status }, { ruleName: 'restricted-ssh' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: `Resource deleted (${status})`,
    });
  });

  test('a resource type outside the rule is NOT_APPLICABLE', () => {
    expect(evaluate(RDK_VOLUME, { ruleName: 'restricted-ssh' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'AWS::EC2::Volume is not evaluated by restricted-ssh',
    });
  });

  test('a scope narrowed by resourceTypes leaves other types NOT_APPLICABLE', () => {
    const rule = { ruleName: 'required-tags', parameters: RECOMMENDED_TAGS, resourceTypes: ['AWS::EC2::Instance'] };
    expect(evaluate(RDK_EC2, rule).complianceType).toBe('NON_COMPLIANT');
    expect(evaluate(RDK_SG, rule).complianceType).toBe('NOT_APPLICABLE');
  });
});
