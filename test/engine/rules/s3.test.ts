import { EXIT_NON_COMPLIANT } from '../../../cli/main';
import { evaluate, toConfigurationItem } from '../../../src/core/engine';
import { runCli, scratchDirectory } from '../../support/cli';
import { configurationItem, fixture, invokingEventItem } from '../../support/fixtures';

/**
 * The S3 family (public access, TLS, logging, replication) against the current AWS Config Developer
 * Guide pages, on the real items of test/fixtures, changed only where a case needs it.
 */

/** The 1.3 item of a rule invocation: supplementary values as objects; Block Public Access all on, logging off. */
const S3_EVENT = invokingEventItem('configuration-items/AWS-S3-Bucket.create-event.json');
/** get-resource-config-history output: `configuration` and every supplementary value are JSON strings. */
const S3_HISTORY = fixture('configuration-items/AWS-S3-Bucket.history.json').configurationItems[0];
/** The RDK sample (1.3): no Block Public Access settings; a policy denying s3:* without TLS on the bucket alone. */
const RDK_S3 = fixture('configuration-items/rdk-example-AWS_S3_Bucket.json');
/** A 1.2 history item (JSON strings) with one enabled replication rule, keyed by its id. */
const S3_REPLICATION = fixture('configuration-items/AWS-S3-Bucket.replication.json');
/** A 1.3 invocation item without Block Public Access settings, logging or a policy. */
const S3_AES256 = fixture('configuration-items/hanegraaff-s3-bucket-sse-invokingEvent.json').configurationItem;

const RDK_ARN = 'arn:aws:s3:::mborch-test-bucket-config-item';

/** An item with some supplementary values replaced, in the item's own shape (objects, or JSON text for a 1.2 history item). */
function withSupplementary(item: any, values: Record<string, unknown>): any {
  const encode = typeof item.configuration === 'string' ? JSON.stringify : (value: unknown) => value;
  const replaced = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, encode(value)]));
  return { ...item, supplementaryConfiguration: { ...item.supplementaryConfiguration, ...replaced } };
}

function verdict(item: unknown, ruleName: string, parameters: Record<string, string> = {}) {
  return evaluate(item, { ruleName, parameters });
}

describe('s3-bucket-level-public-access-prohibited', () => {
  const RULE = 's3-bucket-level-public-access-prohibited';
  const withSettings = (item: any, off: string[]) => withSupplementary(item, {
    PublicAccessBlockConfiguration: Object.fromEntries(
      ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'].map((setting) => [setting, !off.includes(setting)])),
  });

  test.each([
    ['all four settings on (invocation item)', S3_EVENT, {}, 'COMPLIANT', 'Bucket-level Block Public Access settings are all enabled'],
    ['all four settings on (history item, JSON text)', S3_HISTORY, {}, 'COMPLIANT', 'Bucket-level Block Public Access settings are all enabled'],
    ['no settings recorded: all four are off', RDK_S3, {}, 'NON_COMPLIANT',
      'No bucket-level Block Public Access settings (blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets are all off)'],
    ['no settings, but listed in excludedPublicBuckets', RDK_S3, { excludedPublicBuckets: 'public-site, mborch-test-bucket-config-item' }, 'COMPLIANT',
      'Bucket-level settings are public, and the bucket is listed in excludedPublicBuckets'],
    ['two settings off', withSettings(S3_EVENT, ['blockPublicPolicy', 'restrictPublicBuckets']), {}, 'NON_COMPLIANT',
      'Bucket-level Block Public Access settings off: blockPublicPolicy, restrictPublicBuckets'],
    ['one setting off in a history item', withSettings(S3_HISTORY, ['ignorePublicAcls']), {}, 'NON_COMPLIANT',
      'Bucket-level Block Public Access settings off: ignorePublicAcls'],
    ['a setting off, another bucket excluded', withSettings(S3_EVENT, ['blockPublicAcls']), { excludedPublicBuckets: 'public-site' }, 'NON_COMPLIANT',
      'Bucket-level Block Public Access settings off: blockPublicAcls'],
    ['a setting off, this bucket excluded', withSettings(S3_EVENT, ['blockPublicAcls']), { excludedPublicBuckets: 'EXAMPLE-BUCKET' }, 'COMPLIANT',
      'Bucket-level settings are public, and the bucket is listed in excludedPublicBuckets'],
    ['all on and excluded: the settings are what is found', S3_EVENT, { excludedPublicBuckets: 'EXAMPLE-BUCKET' }, 'COMPLIANT',
      'Bucket-level Block Public Access settings are all enabled'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(verdict(item, RULE, parameters)).toEqual({ complianceType, annotation });
  });
});

describe('s3-bucket-ssl-requests-only', () => {
  const RULE = 's3-bucket-ssl-requests-only';
  const DENIED = { complianceType: 'COMPLIANT', annotation: 'Bucket policy denies requests without TLS (aws:SecureTransport false) to the bucket and its objects' };
  const NOT_DENIED = {
    complianceType: 'NON_COMPLIANT',
    annotation: 'Bucket policy does not deny requests without TLS (Deny, Principal *, Action s3:*, Bool aws:SecureTransport false) to the bucket and its objects',
  };
  const OBJECTS_NOT_DENIED = { complianceType: 'NON_COMPLIANT', annotation: 'Bucket policy denies requests without TLS to the bucket, not to all its objects' };
  const BUCKET_NOT_DENIED = { complianceType: 'NON_COMPLIANT', annotation: 'Bucket policy denies requests without TLS to objects, not to the bucket itself' };
  const NO_POLICY = { complianceType: 'NON_COMPLIANT', annotation: 'No bucket policy: requests without TLS are not denied' };

  /** The RDK sample's statement (Deny s3:* without TLS), with some of its elements replaced. */
  const rdkStatement = (changes: Record<string, unknown> = {}) => ({
    ...JSON.parse(RDK_S3.supplementaryConfiguration.BucketPolicy.policyText).Statement[0],
    ...changes,
  });
  const BOTH = [RDK_ARN, `${RDK_ARN}/*`];
  const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });
  const withPolicy = (item: any, policyText: unknown) => withSupplementary(item, { BucketPolicy: { policyText } });
  const rdkWith = (...statements: unknown[]) => withPolicy(RDK_S3, policy(...statements));

  test.each([
    ['the RDK sample: its statement names the bucket, not its objects', RDK_S3, OBJECTS_NOT_DENIED],
    ['the Knowledge Center statement: the bucket and its objects', rdkWith(rdkStatement({ Resource: BOTH })), DENIED],
    ['the first page (2020) example, objects only, which it called COMPLIANT', rdkWith(rdkStatement({ Action: '*', Resource: `${RDK_ARN}/*` })), BUCKET_NOT_DENIED],
    ['the first page (2020) NON_COMPLIANT example: objects under a prefix only', rdkWith(rdkStatement({ Action: '*', Resource: `${RDK_ARN}/private/*` })), NOT_DENIED],
    ['the bucket and one prefix of objects', rdkWith(rdkStatement({ Resource: [RDK_ARN, `${RDK_ARN}/private/*`] })), OBJECTS_NOT_DENIED],
    ['the bucket in one statement, its objects in another', rdkWith(rdkStatement(), rdkStatement({ Resource: `${RDK_ARN}/*` })), DENIED],
    ['a single statement that is not in a list', withPolicy(RDK_S3, JSON.stringify({ Statement: rdkStatement({ Resource: BOTH }) })), DENIED],
    ['Resource *', rdkWith(rdkStatement({ Resource: '*' })), DENIED],
    ['a wildcard covering the bucket and its objects', rdkWith(rdkStatement({ Resource: `${RDK_ARN.slice(0, -4)}*` })), DENIED],
    ['the bucket ARN and a *, which also matches nothing', rdkWith(rdkStatement({ Resource: `${RDK_ARN}*` })), DENIED],
    ['? matches one character, never every object key', rdkWith(rdkStatement({ Resource: [`${RDK_ARN.slice(0, -1)}?`, `${RDK_ARN}/?`] })), OBJECTS_NOT_DENIED],
    ['another bucket', rdkWith(rdkStatement({ Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] })), NOT_DENIED],
    ['NotResource instead of Resource', rdkWith(rdkStatement({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' })), NOT_DENIED],
    ['Principal {"AWS": "*"}', rdkWith(rdkStatement({ Resource: BOTH, Principal: { AWS: '*' } })), DENIED],
    ['Principal {"AWS": ["*"]}', rdkWith(rdkStatement({ Resource: BOTH, Principal: { AWS: ['*'] } })), DENIED],
    ['one account as the principal', rdkWith(rdkStatement({ Resource: BOTH, Principal: { AWS: 'arn:aws:iam::934654633380:root' } })), NOT_DENIED],
    ['Action *', rdkWith(rdkStatement({ Resource: BOTH, Action: '*' })), DENIED],
    ['Action S3:* (action names are case-insensitive), among others', rdkWith(rdkStatement({ Resource: BOTH, Action: ['s3:GetObject', 'S3:*'] })), DENIED],
    ['one action only', rdkWith(rdkStatement({ Resource: BOTH, Action: 's3:GetObject' })), NOT_DENIED],
    ['Allow, not Deny', rdkWith(rdkStatement({ Resource: BOTH, Effect: 'Allow' })), NOT_DENIED],
    ['aws:SecureTransport true', rdkWith(rdkStatement({ Resource: BOTH, Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), NOT_DENIED],
    ['aws:SecureTransport [false] as a JSON boolean, the key in lower case',
      rdkWith(rdkStatement({ Resource: BOTH, Condition: { Bool: { 'aws:securetransport': [false] } } })), DENIED],
    ['a second condition key narrows the deny',
      rdkWith(rdkStatement({ Resource: BOTH, Condition: { Bool: { 'aws:SecureTransport': 'false', 'aws:ViaAWSService': 'false' } } })), NOT_DENIED],
    ['a second condition operator narrows the deny',
      rdkWith(rdkStatement({ Resource: BOTH, Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })), NOT_DENIED],
    ['Bool without a condition key', rdkWith(rdkStatement({ Resource: BOTH, Condition: { Bool: 'false' } })), NOT_DENIED],
    ['another operator than Bool', rdkWith(rdkStatement({ Resource: BOTH, Condition: { StringEquals: { 'aws:SecureTransport': 'false' } } })), NOT_DENIED],
    ['no condition: not about TLS', rdkWith(rdkStatement({ Resource: BOTH, Condition: undefined })), NOT_DENIED],
    ['a policy without statements', withPolicy(RDK_S3, JSON.stringify({ Version: '2012-10-17' })), NOT_DENIED],
    ['no policy (policyText null), invocation item', S3_EVENT, NO_POLICY],
    ['no policy (policyText null), 1.2 history item', S3_REPLICATION, NO_POLICY],
    ['no BucketPolicy recorded', { ...S3_AES256, supplementaryConfiguration: {} }, NO_POLICY],
    ['an Allow-only policy, history item (JSON text)', S3_HISTORY, NOT_DENIED],
    ['the Knowledge Center statement in a history item',
      withPolicy(S3_HISTORY, policy(rdkStatement({ Resource: ['arn:aws:s3:::bucket-bucket-444', 'arn:aws:s3:::bucket-bucket-444/*'] }))), DENIED],
  ])('%s', (_, item, expected) => {
    expect(verdict(item, RULE)).toEqual(expected);
  });

  test('a bucket policy encoded twice (JSON text of JSON text), as the value and as its policyText, is read', () => {
    const text = policy(rdkStatement({ Resource: BOTH }));
    const twiceEncodedValue = { ...RDK_S3, supplementaryConfiguration: { BucketPolicy: JSON.stringify(JSON.stringify({ policyText: text })) } };
    const twiceEncodedText = withPolicy(RDK_S3, JSON.stringify(text));
    // In a 1.2 history item, toConfigurationItem decodes each value once; the rule decodes the rest.
    const historyValue = { ...S3_HISTORY, supplementaryConfiguration: { BucketPolicy: JSON.stringify(JSON.stringify({ policyText: text.replace(/mborch-test-bucket-config-item/g, 'bucket-bucket-444') })) } };
    for (const item of [twiceEncodedValue, twiceEncodedText, historyValue]) {
      expect(verdict(item, RULE)).toEqual(DENIED);
    }
    expect(typeof toConfigurationItem(historyValue)!.supplementaryConfiguration.BucketPolicy).toBe('string');
  });

  test('a policyText that is not a JSON policy is NOT_APPLICABLE', () => {
    for (const policyText of ['{"Statement": [', '[]', 42]) {
      expect(verdict(withPolicy(RDK_S3, policyText), RULE)).toEqual({ complianceType: 'NOT_APPLICABLE', annotation: 'Bucket policy text is not a JSON policy' });
    }
  });

  test('the bucket ARN is the item ARN, in its partition; without one, the aws partition and the bucket name', () => {
    const statementFor = (arn: string) => policy(rdkStatement({ Resource: [arn, `${arn}/*`] }));
    const china = { ...RDK_S3, ARN: 'arn:aws-cn:s3:::mborch-test-bucket-config-item' };
    expect(verdict(withPolicy(china, statementFor('arn:aws-cn:s3:::mborch-test-bucket-config-item')), RULE)).toEqual(DENIED);
    expect(verdict(withPolicy(china, statementFor(RDK_ARN)), RULE)).toEqual(NOT_DENIED);
    const withoutArn = configurationItem('AWS::S3::Bucket', { name: 'bucket-1' }, {
      supplementaryConfiguration: { BucketPolicy: { policyText: statementFor('arn:aws:s3:::bucket-1') } },
    });
    expect(verdict(withoutArn, RULE)).toEqual(DENIED);
  });
});

describe('s3-bucket-logging-enabled', () => {
  const RULE = 's3-bucket-logging-enabled';
  const withLogging = (item: any, destinationBucketName: string | null, logFilePrefix: string | null) =>
    withSupplementary(item, { BucketLoggingConfiguration: { destinationBucketName, logFilePrefix } });
  const LOGGING = withLogging(S3_EVENT, 'access-logs', 'EXAMPLE-BUCKET/');

  test.each([
    ['off, as Config records it (invocation item)', S3_EVENT, {}, 'NON_COMPLIANT', 'Server access logging is not enabled'],
    ['off, as get-resource-config-history writes it (JSON text)', S3_HISTORY, {}, 'NON_COMPLIANT', 'Server access logging is not enabled'],
    ['off, 1.2 history item', S3_REPLICATION, {}, 'NON_COMPLIANT', 'Server access logging is not enabled'],
    ['off, with targetBucket', S3_EVENT, { targetBucket: 'access-logs' }, 'NON_COMPLIANT', 'Server access logging is not enabled'],
    ['no logging configuration recorded: not a violation', { ...S3_EVENT, supplementaryConfiguration: {} }, {}, 'NOT_APPLICABLE', 'Logging configuration not recorded'],
    ['on', LOGGING, {}, 'COMPLIANT', 'Server access logs go to access-logs'],
    ['on, history item (JSON text)', withLogging(S3_HISTORY, 'access-logs', null), {}, 'COMPLIANT', 'Server access logs go to access-logs'],
    ['to targetBucket', LOGGING, { targetBucket: 'access-logs' }, 'COMPLIANT', 'Server access logs go to access-logs'],
    ['to another bucket than targetBucket', LOGGING, { targetBucket: 'central-logs' }, 'NON_COMPLIANT', 'Server access logs go to access-logs, not central-logs'],
    ['under targetPrefix, to targetBucket', LOGGING, { targetBucket: 'access-logs', targetPrefix: 'EXAMPLE-BUCKET/' }, 'COMPLIANT',
      'Server access logs go to access-logs'],
    ['under another prefix than targetPrefix', LOGGING, { targetPrefix: 'logs/' }, 'NON_COMPLIANT',
      'Server access logs go under the prefix "EXAMPLE-BUCKET/", not "logs/"'],
    ['without a prefix, with targetPrefix', withLogging(S3_EVENT, 'access-logs', null), { targetPrefix: 'logs/' }, 'NON_COMPLIANT',
      'Server access logs go under the prefix "", not "logs/"'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(verdict(item, RULE, parameters)).toEqual({ complianceType, annotation });
  });
});

describe('s3-bucket-replication-enabled', () => {
  const RULE = 's3-bucket-replication-enabled';
  const REPLICATION = JSON.parse(S3_REPLICATION.supplementaryConfiguration.BucketReplicationConfiguration);
  const TESTING_99 = REPLICATION.rules['testing-99'];
  const withRules = (item: any, rules: Record<string, unknown>) =>
    withSupplementary(item, { BucketReplicationConfiguration: { ...REPLICATION, rules } });
  const DISABLED = { ...TESTING_99, status: 'Disabled' };
  const CANNOT_CHECK = (type: string) => ({
    complianceType: 'NOT_APPLICABLE', annotation: `ReplicationType ${type} cannot be checked offline: the item does not record the destination buckets' Regions`,
  });

  test.each([
    ['one enabled rule (1.2 history item, JSON text)', S3_REPLICATION, {}, 'COMPLIANT', '1 replication rule, all enabled'],
    ['one enabled rule (invocation item)', withRules(S3_EVENT, { 'testing-99': TESTING_99 }), {}, 'COMPLIANT', '1 replication rule, all enabled'],
    ['two enabled rules', withRules(S3_REPLICATION, { 'testing-99': TESTING_99, 'to-west': TESTING_99 }), {}, 'COMPLIANT', '2 replication rules, all enabled'],
    ['no replication configuration (invocation item)', S3_EVENT, {}, 'NON_COMPLIANT', 'No replication rule'],
    ['no replication configuration (history item)', S3_HISTORY, {}, 'NON_COMPLIANT', 'No replication rule'],
    ['a configuration without rules', withRules(S3_REPLICATION, {}), {}, 'NON_COMPLIANT', 'No replication rule'],
    ['a disabled rule', withRules(S3_REPLICATION, { 'testing-99': DISABLED }), {}, 'NON_COMPLIANT', 'Replication rule testing-99 is not enabled'],
    ['an enabled and a disabled rule', withRules(S3_EVENT, { 'testing-99': TESTING_99, 'to-west': DISABLED }), {}, 'NON_COMPLIANT',
      'Replication rule to-west is not enabled'],
    ['no replication, with ReplicationType: NON_COMPLIANT whatever the type', S3_EVENT, { ReplicationType: 'CROSS-REGION' }, 'NON_COMPLIANT',
      'No replication rule'],
    ['a disabled rule, with ReplicationType', withRules(S3_REPLICATION, { 'testing-99': DISABLED }), { ReplicationType: 'SAME-REGION' }, 'NON_COMPLIANT',
      'Replication rule testing-99 is not enabled'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(verdict(item, RULE, parameters)).toEqual({ complianceType, annotation });
  });

  test.each(['CROSS-REGION', 'SAME-REGION'])('ReplicationType %s on enabled replication is NOT_APPLICABLE: the destination Region is not in the item', (type) => {
    expect(verdict(S3_REPLICATION, RULE, { ReplicationType: type })).toEqual(CANNOT_CHECK(type));
  });

  test('a ReplicationType AWS does not accept is NOT_APPLICABLE, naming the accepted values', () => {
    expect(verdict(S3_REPLICATION, RULE, { ReplicationType: 'BOTH' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'ReplicationType "BOTH" is not CROSS-REGION or SAME-REGION, the values AWS accepts',
    });
  });
});

describe('the CLI evaluates the S3 family over a snapshot, with AWS rule and parameter names', () => {
  const scratch = scratchDirectory('s3-family-');

  test('each bucket gets each rule verdict', async () => {
    const logging = withSupplementary(S3_AES256, { BucketLoggingConfiguration: { destinationBucketName: 'access-logs', logFilePrefix: 'cf-templates/' } });
    const snapshot = scratch.write('snapshot.json', { configurationItems: [S3_EVENT, S3_HISTORY, RDK_S3, S3_REPLICATION, logging] });
    const rules = scratch.write('rules.json', {
      rules: [
        { name: 's3-bucket-level-public-access-prohibited', parameters: { excludedPublicBuckets: 'mborch-test-bucket-config-item' } },
        { name: 's3-bucket-ssl-requests-only' },
        { name: 's3-bucket-logging-enabled', parameters: { targetBucket: 'access-logs', targetPrefix: 'cf-templates/' } },
        { name: 's3-bucket-replication-enabled', parameters: { ReplicationType: 'CROSS-REGION' } },
      ],
    });
    const { code, report } = await runCli(['evaluate', '--rules', rules, snapshot]);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    const verdicts = report.evaluations.map((e: any) => `${e.resourceId} ${e.configRuleName} ${e.complianceType}`).sort();
    expect(verdicts).toEqual([
      'EXAMPLE-BUCKET s3-bucket-level-public-access-prohibited COMPLIANT',
      'EXAMPLE-BUCKET s3-bucket-logging-enabled NON_COMPLIANT',
      'EXAMPLE-BUCKET s3-bucket-replication-enabled NON_COMPLIANT',
      'EXAMPLE-BUCKET s3-bucket-ssl-requests-only NON_COMPLIANT',
      'bucket-bucket-444 s3-bucket-level-public-access-prohibited COMPLIANT',
      'bucket-bucket-444 s3-bucket-logging-enabled NON_COMPLIANT',
      'bucket-bucket-444 s3-bucket-replication-enabled NON_COMPLIANT',
      'bucket-bucket-444 s3-bucket-ssl-requests-only NON_COMPLIANT',
      'cf-templates-1xatrtwowvbwh-us-east-1 s3-bucket-level-public-access-prohibited NON_COMPLIANT',
      'cf-templates-1xatrtwowvbwh-us-east-1 s3-bucket-logging-enabled COMPLIANT',
      'cf-templates-1xatrtwowvbwh-us-east-1 s3-bucket-replication-enabled NON_COMPLIANT',
      'cf-templates-1xatrtwowvbwh-us-east-1 s3-bucket-ssl-requests-only NON_COMPLIANT',
      'mborch-test-bucket-config-item s3-bucket-level-public-access-prohibited COMPLIANT',
      'mborch-test-bucket-config-item s3-bucket-logging-enabled NON_COMPLIANT',
      'mborch-test-bucket-config-item s3-bucket-replication-enabled NON_COMPLIANT',
      'mborch-test-bucket-config-item s3-bucket-ssl-requests-only NON_COMPLIANT',
      'testing-99 s3-bucket-level-public-access-prohibited NON_COMPLIANT',
      'testing-99 s3-bucket-logging-enabled NON_COMPLIANT',
      'testing-99 s3-bucket-replication-enabled NOT_APPLICABLE',
      'testing-99 s3-bucket-ssl-requests-only NON_COMPLIANT',
    ]);
  });
});
