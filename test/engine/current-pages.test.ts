import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EC2_CASES } from './rule-cases/ec2';
import { IAM_CASES } from './rule-cases/iam';
import { RDS_CASES } from './rule-cases/rds';
import { RuleCases } from './rule-cases/rule-case';
import { S3_CASES } from './rule-cases/s3';
import { SERVICES_CASES } from './rule-cases/services';
import { EXIT_BAD_INPUT, main } from '../../cli/main';
import { compileRule, evaluate, evaluateItems, RuleSpecError, toConfigurationItem } from '../../src/core/engine';
import { RULE_CATALOG } from '../../src/core/rules/catalog';
import { fixture, invokingEventItem } from '../support/fixtures';

/**
 * The engine against the current AWS Config Developer Guide pages of the managed rules, on the real
 * items of test/fixtures, changed only where a case needs it.
 */

const RDK_SG = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
const RDK_EC2 = fixture('configuration-items/rdk-example-AWS_EC2_Instance.json');
const RDK_RDS = fixture('configuration-items/rdk-example-AWS_RDS_DBInstance.json');
const RDK_VOLUME = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
const RDK_S3 = fixture('configuration-items/rdk-example-AWS_S3_Bucket.json');
/** get-resource-config-history output: `configuration` and every supplementary value are JSON strings. */
const S3_HISTORY = fixture('configuration-items/AWS-S3-Bucket.history.json').configurationItems[0];
/** The 1.3 item of a rule invocation: supplementary values as objects. */
const S3_EVENT = invokingEventItem('configuration-items/AWS-S3-Bucket.create-event.json');
const S3_AES256 = fixture('configuration-items/hanegraaff-s3-bucket-sse-invokingEvent.json').configurationItem;

/** The RDK security group (1.2 shape) with other ingress than its SSH from 0.0.0.0/0. */
const rdkGroupWith = (...ipPermissions: unknown[]) => ({ ...RDK_SG, configuration: { ...RDK_SG.configuration, ipPermissions } });
const tcpFrom = (fromPort: number, toPort: number, ranges: Record<string, unknown>) =>
  ({ ipProtocol: 'tcp', fromPort, toPort, userIdGroupPairs: [], prefixListIds: [], ...ranges });
/** As Config records an IPv6 source in 1.3 (`configuration.ipPermissions.ipv6Ranges.cidrIpv6`). */
const IPV6_WORLD = { ipRanges: [], ipv6Ranges: [{ cidrIpv6: '::/0' }] };
const IPV4_WORLD = { ipRanges: ['0.0.0.0/0'] };

describe('restricted-common-ports counts ::/0 as well as 0.0.0.0/0', () => {
  test('RDP open to ::/0 only is NON_COMPLIANT', () => {
    expect(evaluate(rdkGroupWith(tcpFrom(3389, 3389, IPV6_WORLD)), { ruleName: 'restricted-common-ports' })).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Blocked TCP port 3389 open to 0.0.0.0/0 or ::/0',
    });
  });
});

describe('restricted-common-ports: each blockedPortN has its own default', () => {
  test('setting blockedPort1 keeps 3389 (blockedPort3) blocked', () => {
    const rdp = rdkGroupWith(tcpFrom(3389, 3389, IPV4_WORLD));
    expect(evaluate(rdp, { ruleName: 'restricted-common-ports', parameters: { blockedPort1: '8080' } })).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Blocked TCP port 3389 open to 0.0.0.0/0 or ::/0',
    });
  });

  test.each([
    ['blockedPort1 replaces its own default only', { blockedPort1: '8080' }, '8080, 21, 3389, 3306, 4333'],
    ['blockedPort5 replaces its own default only', { blockedPort5: '5432' }, '20, 21, 3389, 3306, 5432'],
    ['the blockedPorts list adds to the defaults, each port once', { blockedPorts: '9200, 3306' }, '20, 21, 3389, 3306, 4333, 9200'],
  ])('%s', (_, parameters, ports) => {
    expect(evaluate(RDK_SG, { ruleName: 'restricted-common-ports', parameters }).annotation)
      .toBe(`No blocked TCP port (${ports}) is open to 0.0.0.0/0 or ::/0`);
  });
});

describe('s3-bucket-server-side-encryption-enabled', () => {
  const denyUnencryptedPuts = (resource: string) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Sid: 'DenyUnencryptedObjectUploads',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: resource,
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': ['AES256', 'aws:kms'] } },
    }],
  });

  test('API shape: a bucket policy delivered as a JSON string is read', () => {
    const { ServerSideEncryptionConfiguration: _, ...withoutDefaultEncryption } = S3_HISTORY.supplementaryConfiguration;
    const item = {
      ...S3_HISTORY,
      supplementaryConfiguration: {
        ...withoutDefaultEncryption,
        BucketPolicy: JSON.stringify({ policyText: denyUnencryptedPuts('arn:aws:s3:::bucket-bucket-444/*') }),
      },
    };
    expect(evaluate(item, { ruleName: 's3-bucket-server-side-encryption-enabled' })).toEqual({
      complianceType: 'COMPLIANT', annotation: 'Bucket policy denies PutObject without server-side encryption',
    });
  });

  const variables = (count: number) => ['${aws:PrincipalAccount}', '${aws:PrincipalOrgID}', '${aws:PrincipalTag/team}',
    '${aws:userid}', '${aws:username}', '${aws:SourceAccount}'].slice(0, count).join('/');
  const withPolicy = (item: any, policyText: string, extra: Record<string, unknown> = {}) =>
    ({ ...item, supplementaryConfiguration: { ...item.supplementaryConfiguration, BucketPolicy: { policyText }, ...extra } });
  const NOT_EVALUATED = {
    complianceType: 'NON_COMPLIANT',
    annotation: 'A bucket policy value has more than 5 IAM policy variables, which AWS Config cannot evaluate: split it so that each value has 5 or fewer',
  };

  test('a policy value with more than five IAM policy variables is NON_COMPLIANT, though it denies unencrypted puts; five are read', () => {
    const rule = { ruleName: 's3-bucket-server-side-encryption-enabled' };
    expect(evaluate(withPolicy(S3_EVENT, denyUnencryptedPuts(`arn:aws:s3:::EXAMPLE-BUCKET/${variables(6)}/*`)), rule)).toEqual(NOT_EVALUATED);
    expect(evaluate(withPolicy(S3_EVENT, denyUnencryptedPuts(`arn:aws:s3:::EXAMPLE-BUCKET/${variables(5)}/*`)), rule)).toEqual({
      complianceType: 'COMPLIANT', annotation: 'Bucket policy denies PutObject without server-side encryption',
    });
  });

  test('the page makes no exception for default encryption, nor for where the value is (here a Condition value)', () => {
    const { ServerSideEncryptionConfiguration } = S3_AES256.supplementaryConfiguration;
    const policyText = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::EXAMPLE-BUCKET/*', Condition: { StringLike: { 's3:prefix': [variables(6)] } } }],
    });
    expect(evaluate(withPolicy(S3_EVENT, policyText, { ServerSideEncryptionConfiguration }), { ruleName: 's3-bucket-server-side-encryption-enabled' }))
      .toEqual(NOT_EVALUATED);
  });
});

describe('s3-bucket-versioning-enabled', () => {
  /** The invocation's item (supplementary values as objects) with another versioning configuration. */
  const withVersioning = (status: string, isMfaDeleteEnabled: boolean | null) => ({
    ...S3_EVENT,
    supplementaryConfiguration: { ...S3_EVENT.supplementaryConfiguration, BucketVersioningConfiguration: { status, isMfaDeleteEnabled } },
  });

  test.each([
    ['Off, as Config records a new bucket (invocation item)', S3_EVENT, {}, 'NON_COMPLIANT', 'Versioning is Off, not Enabled'],
    ['Off, as get-resource-config-history writes it (JSON text)', S3_HISTORY, {}, 'NON_COMPLIANT', 'Versioning is Off, not Enabled'],
    ['no versioning configuration recorded: not a violation', { ...S3_EVENT, supplementaryConfiguration: {} }, {}, 'NOT_APPLICABLE', 'Versioning configuration not recorded'],
    ['Suspended', S3_AES256, {}, 'NON_COMPLIANT', 'Versioning is Suspended, not Enabled'],
    ['Enabled', withVersioning('Enabled', null), {}, 'COMPLIANT', 'Versioning is enabled'],
    ['Enabled without the MFA delete that isMfaDeleteEnabled requires', withVersioning('Enabled', false), { isMfaDeleteEnabled: 'true' },
      'NON_COMPLIANT', 'Versioning is enabled, MFA delete is not'],
    ['Enabled with MFA delete', withVersioning('Enabled', true), { isMfaDeleteEnabled: 'true' }, 'COMPLIANT', 'Versioning and MFA delete are enabled'],
    ['isMfaDeleteEnabled false asks for versioning alone', withVersioning('Enabled', false), { isMfaDeleteEnabled: 'false' }, 'COMPLIANT', 'Versioning is enabled'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 's3-bucket-versioning-enabled', parameters })).toEqual({ complianceType, annotation });
  });
});

describe('vpc-sg-open-only-to-authorized-ports', () => {
  test('an open range is authorized when each of its ports is, by one authorized range or by several together', () => {
    const open50To150 = rdkGroupWith(tcpFrom(50, 150, IPV4_WORLD));
    const verdictWith = (authorizedTcpPorts: string) =>
      evaluate(open50To150, { ruleName: 'vpc-sg-open-only-to-authorized-ports', parameters: { authorizedTcpPorts } }).complianceType;
    expect(verdictWith('1-100,101-200')).toBe('COMPLIANT');
    expect(verdictWith('50-99,100,101-150')).toBe('COMPLIANT');
    // Port 101 is in neither range.
    expect(verdictWith('1-100,102-200')).toBe('NON_COMPLIANT');
  });
});

describe('required-tags: tag1Key is required', () => {
  test.each([
    ['no parameters', {}],
    ['tags from tag2Key on', { tag2Key: 'Owner', tag2Value: 'team-a' }],
  ])('%s: the rule is refused, naming tag1Key', (_, parameters) => {
    expect(() => compileRule({ ruleName: 'required-tags', parameters })).toThrow(RuleSpecError);
    expect(() => compileRule({ ruleName: 'required-tags', parameters })).toThrow('rule "required-tags": parameter "tag1Key" is required');
  });

  test('the CLI refuses such a rules file in one line and exits 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'required-tags-'));
    try {
      const rules = path.join(dir, 'rules.json');
      fs.writeFileSync(rules, JSON.stringify({ rules: [{ name: 'required-tags', parameters: { tag2Key: 'Owner' } }] }));
      const items = path.join(dir, 'instance.json');
      fs.writeFileSync(items, JSON.stringify(RDK_EC2));
      let stderr = '';
      const code = await main(['evaluate', '--rules', rules, items], { stdout: () => undefined, stderr: (text) => { stderr += text; } });
      expect([code, stderr]).toEqual([EXIT_BAD_INPUT, `cdk-compliance-monitor: ${rules}: rule "required-tags": parameter "tag1Key" is required\n`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('items of resources Config did not record, or deleted, are NOT_APPLICABLE for every rule', () => {
  /** A real item in each rule's scope, which the rule judges while it is OK, and parameters the rule needs. */
  const CASES: RuleCases = {
    ...S3_CASES,
    ...RDS_CASES,
    ...EC2_CASES,
    ...IAM_CASES,
    ...SERVICES_CASES,
    's3-bucket-server-side-encryption-enabled': [RDK_S3, {}],
    's3-default-encryption-kms': [S3_AES256, {}],
    's3-bucket-versioning-enabled': [S3_EVENT, {}],
    'rds-storage-encrypted': [RDK_RDS, {}],
    'db-instance-backup-enabled': [RDK_RDS, {}],
    'ec2-imdsv2-check': [RDK_EC2, {}],
    'required-tags': [RDK_EC2, { tag1Key: 'Owner' }],
    'desired-instance-type': [RDK_EC2, { instanceType: 't3.micro' }],
    'restricted-ssh': [RDK_SG, {}],
    'restricted-common-ports': [rdkGroupWith(tcpFrom(3389, 3389, IPV4_WORLD)), {}],
    'vpc-sg-open-only-to-authorized-ports': [RDK_SG, {}],
    'encrypted-volumes': [RDK_VOLUME, {}],
  };

  test('ResourceNotRecorded, ResourceDeleted and ResourceDeletedNotRecorded, one item at a time and as a snapshot', () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_CATALOG.keys()].sort());
    for (const [ruleName, [item, parameters]] of Object.entries(CASES)) {
      const rule = compileRule({ ruleName, parameters });
      expect(evaluate(item, rule).complianceType).not.toBe('NOT_APPLICABLE');
      for (const [configurationItemStatus, annotation] of [
        ['ResourceNotRecorded', 'Resource not recorded (ResourceNotRecorded)'],
        ['ResourceDeleted', 'Resource deleted (ResourceDeleted)'],
        ['ResourceDeletedNotRecorded', 'Resource deleted (ResourceDeletedNotRecorded)'],
      ]) {
        const unjudged = { ...item, configurationItemStatus };
        expect(evaluate(unjudged, rule)).toEqual({ complianceType: 'NOT_APPLICABLE', annotation });
        expect(evaluateItems([toConfigurationItem(unjudged)!], [rule])).toEqual([
          expect.objectContaining({ configRuleName: ruleName, complianceType: 'NOT_APPLICABLE', annotation }),
        ]);
      }
    }
  });
});
