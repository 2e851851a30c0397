import { compileRule, evaluate, RuleSpecError } from '../../src/core/engine';
import { ANNOTATION_MAX_LENGTH } from '../../src/core/engine/verdict';
import { configurationItem } from '../support/fixtures';

function securityGroup(...ipPermissions: unknown[]) {
  return configurationItem('AWS::EC2::SecurityGroup', { groupId: 'sg-1', ipPermissions });
}
const ipv4 = (cidrIp: string) => ({ ipv4Ranges: [{ cidrIp }] });
const ipv6 = (cidrIpv6: string) => ({ ipv6Ranges: [{ cidrIpv6 }] });
const verdictOf = (item: unknown, ruleName: string, parameters: Record<string, string> = {}) =>
  evaluate(item, { ruleName, parameters }).complianceType;

describe('restricted-ssh', () => {
  test.each([
    ['TCP 22 from 0.0.0.0/0 (1.3 ipv4Ranges)', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ...ipv4('0.0.0.0/0') }, 'NON_COMPLIANT'],
    ['TCP 22 from ::/0', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ...ipv6('::/0') }, 'NON_COMPLIANT'],
    ['a range 0-1024 covering 22', { ipProtocol: 'tcp', fromPort: 0, toPort: 1024, ...ipv4('0.0.0.0/0') }, 'NON_COMPLIANT'],
    ['all traffic (protocol -1)', { ipProtocol: '-1', ...ipv4('0.0.0.0/0') }, 'NON_COMPLIANT'],
    ['protocol number 6 (TCP)', { ipProtocol: '6', fromPort: 22, toPort: 22, ...ipv4('0.0.0.0/0') }, 'NON_COMPLIANT'],
    ['TCP 22 from a private range', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ...ipv4('10.0.0.0/8') }, 'COMPLIANT'],
    ['UDP 22 from the world', { ipProtocol: 'udp', fromPort: 22, toPort: 22, ...ipv4('0.0.0.0/0') }, 'COMPLIANT'],
    ['TCP 443 from the world', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ...ipv4('0.0.0.0/0') }, 'COMPLIANT'],
    ['protocol "TCP" in capitals', { ipProtocol: 'TCP', fromPort: 22, toPort: 22, ...ipv4('0.0.0.0/0') }, 'NON_COMPLIANT'],
    ['a protocol named like an object property', { ipProtocol: 'constructor', fromPort: 22, toPort: 22, ...ipv4('0.0.0.0/0') }, 'COMPLIANT'],
  ])('%s', (_, permission, expected) => {
    expect(verdictOf(securityGroup(permission), 'restricted-ssh')).toBe(expected);
  });

  test('each item is judged on its own permissions, also when the rules alternate between items', () => {
    const open = securityGroup({ ipProtocol: 'tcp', fromPort: 0, toPort: 65535, ...ipv4('0.0.0.0/0') });
    const closed = securityGroup({ ipProtocol: 'tcp', fromPort: 0, toPort: 65535, ...ipv4('10.0.0.0/8') });
    const verdicts = [open, closed, open, closed].flatMap((item) =>
      ['restricted-ssh', 'restricted-common-ports'].map((ruleName) => verdictOf(item, ruleName)));
    expect(verdicts).toEqual([
      'NON_COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT', 'COMPLIANT',
      'NON_COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT', 'COMPLIANT',
    ]);
  });

  test('names the open range in the annotation', () => {
    expect(evaluate(securityGroup({ ipProtocol: '-1', ...ipv6('::/0') }), { ruleName: 'restricted-ssh' }).annotation)
      .toBe('SSH (TCP 22) is open to ::/0 through all traffic');
  });

  test('a group without ingress is COMPLIANT', () => {
    expect(verdictOf(securityGroup(), 'restricted-ssh')).toBe('COMPLIANT');
  });
});

describe('restricted-common-ports', () => {
  test.each([
    ['RDP 3389 from 0.0.0.0/0', { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, ...ipv4('0.0.0.0/0') }, {}, 'NON_COMPLIANT'],
    ['a range covering MySQL 3306', { ipProtocol: 'tcp', fromPort: 3000, toPort: 4000, ...ipv4('0.0.0.0/0') }, {}, 'NON_COMPLIANT'],
    ['all traffic', { ipProtocol: '-1', ...ipv4('0.0.0.0/0') }, {}, 'NON_COMPLIANT'],
    ['RDP from ::/0 only (the current page counts IPv6 too)', { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, ...ipv6('::/0') }, {}, 'NON_COMPLIANT'],
    ['UDP 3389 (TCP only)', { ipProtocol: 'udp', fromPort: 3389, toPort: 3389, ...ipv4('0.0.0.0/0') }, {}, 'COMPLIANT'],
    ['8080 with blockedPort1=8080', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, ...ipv4('0.0.0.0/0') }, { blockedPort1: '8080' }, 'NON_COMPLIANT'],
    ['a port no parameter blocks, with blockedPort1=8080', { ipProtocol: 'tcp', fromPort: 8081, toPort: 8081, ...ipv4('0.0.0.0/0') }, { blockedPort1: '8080' }, 'COMPLIANT'],
    ['9200 in the blockedPorts list', { ipProtocol: 'tcp', fromPort: 9200, toPort: 9200, ...ipv4('0.0.0.0/0') }, { blockedPorts: '9200, 5601' }, 'NON_COMPLIANT'],
  ])('%s', (_, permission, parameters, expected) => {
    expect(verdictOf(securityGroup(permission), 'restricted-common-ports', parameters)).toBe(expected);
  });
});

describe('vpc-sg-open-only-to-authorized-ports', () => {
  const rule = 'vpc-sg-open-only-to-authorized-ports';
  test.each([
    ['no world-open ingress is NOT_APPLICABLE', [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ...ipv4('10.0.0.0/8') }], {}, 'NOT_APPLICABLE'],
    ['authorized TCP 443', [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, ...ipv4('0.0.0.0/0') }], { authorizedTcpPorts: '443' }, 'COMPLIANT'],
    ['a range inside an authorized range', [{ ipProtocol: 'tcp', fromPort: 1021, toPort: 1024, ...ipv6('::/0') }], { authorizedTcpPorts: '1020-1025' }, 'COMPLIANT'],
    ['a range beyond an authorized range', [{ ipProtocol: 'tcp', fromPort: 1021, toPort: 1030, ...ipv4('0.0.0.0/0') }], { authorizedTcpPorts: '1020-1025' }, 'NON_COMPLIANT'],
    ['UDP authorized separately from TCP', [{ ipProtocol: 'udp', fromPort: 500, toPort: 500, ...ipv4('0.0.0.0/0') }], { authorizedTcpPorts: '500', authorizedUdpPorts: '500' }, 'COMPLIANT'],
    ['UDP authorized only as TCP', [{ ipProtocol: 'udp', fromPort: 500, toPort: 500, ...ipv4('0.0.0.0/0') }], { authorizedTcpPorts: '500' }, 'NON_COMPLIANT'],
    ['all traffic to the world', [{ ipProtocol: '-1', ...ipv4('0.0.0.0/0') }], { authorizedTcpPorts: '443' }, 'NON_COMPLIANT'],
    ['ICMP to the world is not a port', [{ ipProtocol: 'icmp', fromPort: -1, toPort: -1, ...ipv4('0.0.0.0/0') }], {}, 'COMPLIANT'],
  ])('%s', (_, permissions, parameters, expected) => {
    expect(verdictOf(securityGroup(...permissions), rule, parameters)).toBe(expected);
  });
});

describe('S3 encryption', () => {
  const bucket = (supplementaryConfiguration: Record<string, unknown>) =>
    configurationItem('AWS::S3::Bucket', { name: 'b' }, { supplementaryConfiguration });
  const sse = (sseAlgorithm: string, kmsMasterKeyID: string | null = null) =>
    ({ ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyID } }] } });
  const policy = (statement: unknown) => ({ BucketPolicy: { policyText: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) } });
  const denyUnencrypted = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
  };

  test.each([
    ['SSE-KMS default encryption', sse('aws:kms', 'arn:aws:kms:eu-west-1:123456789012:key/k1'), 'COMPLIANT'],
    ['default encryption delivered as a JSON string', { ServerSideEncryptionConfiguration: JSON.stringify(sse('AES256').ServerSideEncryptionConfiguration) }, 'COMPLIANT'],
    ['a policy denying PutObject without the SSE header', policy(denyUnencrypted), 'COMPLIANT'],
    ['a policy denying PutObject when the header is absent (Null)', policy({ ...denyUnencrypted, Action: ['s3:*'], Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } } }), 'COMPLIANT'],
    ['a policy allowing, not denying', policy({ ...denyUnencrypted, Effect: 'Allow' }), 'NON_COMPLIANT'],
    ['a policy denying another action', policy({ ...denyUnencrypted, Action: 's3:GetObject' }), 'NON_COMPLIANT'],
    ['a policy that is not JSON', { BucketPolicy: { policyText: '{not json' } }, 'NON_COMPLIANT'],
    ['nothing at all', {}, 'NON_COMPLIANT'],
  ])('s3-bucket-server-side-encryption-enabled: %s', (_, supplementary, expected) => {
    expect(verdictOf(bucket(supplementary), 's3-bucket-server-side-encryption-enabled')).toBe(expected);
  });

  test.each([
    ['aws:kms, any key', sse('aws:kms', 'arn:k1'), {}, 'COMPLIANT'],
    ['aws:kms:dsse', sse('aws:kms:dsse', 'arn:k1'), {}, 'COMPLIANT'],
    ['aws:kms with an allowed key', sse('aws:kms', 'arn:k2'), { kmsKeyArns: 'arn:k1, arn:k2' }, 'COMPLIANT'],
    ['aws:kms with another key', sse('aws:kms', 'arn:k3'), { kmsKeyArns: 'arn:k1,arn:k2' }, 'NON_COMPLIANT'],
    ['aws:kms with the AWS managed key when keys are listed', sse('aws:kms'), { kmsKeyArns: 'arn:k1' }, 'NON_COMPLIANT'],
    ['AES256', sse('AES256'), {}, 'NON_COMPLIANT'],
  ])('s3-default-encryption-kms: %s', (_, supplementary, parameters, expected) => {
    expect(verdictOf(bucket(supplementary), 's3-default-encryption-kms', parameters)).toBe(expected);
  });
});

describe('RDS', () => {
  const db = (configuration: Record<string, unknown>) => configurationItem('AWS::RDS::DBInstance', configuration);
  test.each([
    ['unencrypted storage', { storageEncrypted: false }, {}, 'NON_COMPLIANT'],
    ['encryption not recorded', {}, {}, 'NON_COMPLIANT'],
    ['encrypted with the required key ARN', { storageEncrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/abc' }, { kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/abc' }, 'COMPLIANT'],
    ['encrypted, key not recorded, key required', { storageEncrypted: true }, { kmsKeyId: 'abc' }, 'NON_COMPLIANT'],
  ])('rds-storage-encrypted: %s', (_, configuration, parameters, expected) => {
    expect(verdictOf(db(configuration), 'rds-storage-encrypted', parameters)).toBe(expected);
  });

  test.each([
    ['backups disabled (retention 0)', { backupRetentionPeriod: 0 }, {}, 'NON_COMPLIANT'],
    ['retention not recorded: not a violation', {}, {}, 'NOT_APPLICABLE'],
    ['window not recorded, a window required: not a violation', { backupRetentionPeriod: 7 }, { preferredBackupWindow: '03:00-04:00' }, 'NOT_APPLICABLE'],
    ['retention written as a string (history shape)', { backupRetentionPeriod: '7' }, {}, 'COMPLIANT'],
    ['exact retention matches', { backupRetentionPeriod: 7 }, { backupRetentionPeriod: '7' }, 'COMPLIANT'],
    ['exact retention differs', { backupRetentionPeriod: 14 }, { backupRetentionPeriod: '7' }, 'NON_COMPLIANT'],
    ['minimum met', { backupRetentionPeriod: 14 }, { backupRetentionMinimum: '7' }, 'COMPLIANT'],
    ['window matches', { backupRetentionPeriod: 7, preferredBackupWindow: '03:00-04:00' }, { preferredBackupWindow: '03:00-04:00' }, 'COMPLIANT'],
    ['window differs', { backupRetentionPeriod: 7, preferredBackupWindow: '05:00-06:00' }, { preferredBackupWindow: '03:00-04:00' }, 'NON_COMPLIANT'],
    ['a read replica without checkReadReplicas', { backupRetentionPeriod: 0, readReplicaSourceDBInstanceIdentifier: 'db-main' }, {}, 'NOT_APPLICABLE'],
    ['a read replica with checkReadReplicas', { backupRetentionPeriod: 0, readReplicaSourceDBInstanceIdentifier: 'db-main' }, { checkReadReplicas: 'true' }, 'NON_COMPLIANT'],
  ])('db-instance-backup-enabled: %s', (_, configuration, parameters, expected) => {
    expect(verdictOf(db(configuration), 'db-instance-backup-enabled', parameters)).toBe(expected);
  });
});

describe('EC2', () => {
  const instance = (configuration: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    configurationItem('AWS::EC2::Instance', configuration, extra);

  test('ec2-imdsv2-check: httpTokens required is COMPLIANT; missing metadata options are not recorded, not a violation (the page: NON_COMPLIANT if optional)', () => {
    expect(verdictOf(instance({ metadataOptions: { httpTokens: 'required' } }), 'ec2-imdsv2-check')).toBe('COMPLIANT');
    expect(evaluate(instance({}), { ruleName: 'ec2-imdsv2-check' }))
      .toEqual({ complianceType: 'NOT_APPLICABLE', annotation: 'Metadata options not recorded (no httpTokens)' });
    expect(evaluate(instance({ metadataOptions: { httpEndpoint: 'enabled' } }), { ruleName: 'ec2-imdsv2-check' }).complianceType).toBe('NOT_APPLICABLE');
  });

  test('desired-instance-type: a type not recorded is NOT_APPLICABLE, a type not listed NON_COMPLIANT', () => {
    expect(evaluate(instance({}), { ruleName: 'desired-instance-type', parameters: { instanceType: 't3.micro' } }))
      .toEqual({ complianceType: 'NOT_APPLICABLE', annotation: 'Instance type not recorded' });
    expect(evaluate(instance({ instanceType: 'm5.large' }), { ruleName: 'desired-instance-type', parameters: { instanceType: 't3.micro' } }))
      .toEqual({ complianceType: 'NON_COMPLIANT', annotation: 'Instance type m5.large is not one of t3.micro' });
  });

  test.each([
    ['keys are case-sensitive', { owner: 'me' }, { tag1Key: 'Owner' }, 'NON_COMPLIANT', 'Required tags: missing Owner'],
    ['an allowed value', { Environment: 'prod' }, { tag1Key: 'Environment', tag1Value: 'dev, prod' }, 'COMPLIANT', 'Has required tags Environment'],
    ['a value not allowed', { Environment: 'qa' }, { tag1Key: 'Environment', tag1Value: 'dev,prod' }, 'NON_COMPLIANT', 'Required tags: Environment=qa not in dev|prod'],
    ['no value list allows any value, even empty', { Owner: '' }, { tag1Key: 'Owner' }, 'COMPLIANT', 'Has required tags Owner'],
  ])('required-tags: %s', (_, tags, parameters, expected, annotation) => {
    expect(evaluate(instance({}, { tags }), { ruleName: 'required-tags', parameters })).toEqual({ complianceType: expected, annotation });
  });

  test('required-tags: seven and more tags in the engine, tags given as a configuration list', () => {
    const keys = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const parameters = Object.fromEntries(keys.map((key, i) => [`tag${i + 1}Key`, key]));
    const tagged = configurationItem('AWS::EC2::Instance', {}, { tags: keys.slice(0, 7).map((key) => ({ key, value: 'x' })) });
    expect(evaluate(tagged, { ruleName: 'required-tags', parameters }).annotation).toBe('Required tags: missing H');
  });

  test('required-tags: more required tags than a number has exact bits', () => {
    const keys = Array.from({ length: 54 }, (_, i) => `T${i + 1}`);
    const parameters = Object.fromEntries(keys.map((key, i) => [`tag${i + 1}Key`, key]));
    const rule = compileRule({ ruleName: 'required-tags', parameters });
    const tagged = (present: string[]) => configurationItem('AWS::EC2::Instance', {}, { tags: Object.fromEntries(present.map((key) => [key, 'x'])) });
    expect(evaluate(tagged(keys.slice(0, 53)), rule).annotation).toBe('Required tags: missing T54');
    expect(evaluate(tagged(keys.filter((key) => key !== 'T53')), rule).annotation).toBe('Required tags: missing T53');
    expect(evaluate(tagged(keys.slice(1, 53)), rule).annotation).toBe('Required tags: missing T1; missing T54');
    expect(evaluate(tagged(keys), rule).complianceType).toBe('COMPLIANT');
  });

  test('an annotation stays within Config\'s 256 characters', () => {
    const keys = Array.from({ length: 8 }, (_, i) => `${'SomeRatherLongRequiredTagKey'.repeat(2)}${i}`);
    const parameters = Object.fromEntries(keys.map((key, i) => [`tag${i + 1}Key`, key]));
    const { annotation } = evaluate(instance({}), { ruleName: 'required-tags', parameters });
    expect(annotation).toHaveLength(ANNOTATION_MAX_LENGTH);
    expect(annotation.endsWith('…')).toBe(true);
  });
});

describe('encrypted-volumes', () => {
  const volume = (configuration: Record<string, unknown>) => configurationItem('AWS::EC2::Volume', configuration);
  test.each([
    ['unattached volumes are NOT_APPLICABLE', { state: 'available', attachments: [], encrypted: false }, {}, 'NOT_APPLICABLE'],
    ['an attached unencrypted volume', { state: 'in-use', attachments: [{ instanceId: 'i-1' }], encrypted: false }, {}, 'NON_COMPLIANT'],
    ['in-use with the required key id', { state: 'in-use', encrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k1' }, { kmsId: 'k1' }, 'COMPLIANT'],
  ])('%s', (_, configuration, parameters, expected) => {
    expect(verdictOf(volume(configuration), 'encrypted-volumes', parameters)).toBe(expected);
  });
});

describe('rule specs', () => {
  test('an unknown rule names the built-in rules', () => {
    expect(() => compileRule({ ruleName: 'no-such-rule' })).toThrow(RuleSpecError);
    expect(() => compileRule({ ruleName: 'no-such-rule' })).toThrow(/rule "no-such-rule" is not a built-in rule; built-in rules: s3-bucket-server-side-encryption-enabled, /);
  });

  test('a bad parameter names the rule, the parameter and the fix', () => {
    expect(() => compileRule({ ruleName: 'db-instance-backup-enabled', parameters: { backupRetentionMinimum: 'seven' } }))
      .toThrow('rule "db-instance-backup-enabled": parameter "backupRetentionMinimum" must be a whole number (got "seven")');
  });

  test('something that is not an item is NOT_APPLICABLE', () => {
    expect(evaluate('text', { ruleName: 'restricted-ssh' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'Not a configuration item (no resourceType and resourceId)',
    });
  });
});
