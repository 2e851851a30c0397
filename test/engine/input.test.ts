import { gzipSync } from 'zlib';
import { decodeJson, extractConfigurationItems, InputError, parseConfigurationItems, toConfigurationItem } from '../../src/core/engine';
import { fixture, invokingEventItem } from '../support/fixtures';

const items = (document: unknown) => [...extractConfigurationItems(document)];
const ids = (document: unknown) => items(document).map((item) => `${item.resourceType} ${item.resourceId}`);

describe('input shapes', () => {
  test('one configuration item', () => {
    expect(ids(fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json'))).toEqual(['AWS::EC2::SecurityGroup sg-1d56fc66']);
  });

  test('an array of items', () => {
    expect(ids([fixture('configuration-items/rdk-example-AWS_EC2_Volume.json'), fixture('configuration-items/rdk-example-AWS_S3_Bucket.json')]))
      .toEqual(['AWS::EC2::Volume vol-a416b170', 'AWS::S3::Bucket mborch-test-bucket-config-item']);
  });

  test('a Config snapshot', () => {
    expect(ids(fixture('snapshot/awsdocs-config-snapshot-example.json'))).toEqual(['AWS::EC2::Volume vol-ce676ccc', 'AWS::EC2::Instance i-344c463d']);
  });

  test('a custom-rule invocation event, invokingEvent as a JSON string', () => {
    expect(ids(fixture('rule-invocation-events/powertools-awsConfigRuleConfigurationChanged.json'))).toEqual(['AWS::EC2::Instance i-042dd005362091826']);
  });

  test('a decoded invokingEvent', () => {
    expect(ids(fixture('configuration-items/hanegraaff-s3-bucket-sse-invokingEvent.json'))).toEqual(['AWS::S3::Bucket cf-templates-1xatrtwowvbwh-us-east-1']);
  });

  test('an EventBridge Configuration Item Change event', () => {
    expect(ids(fixture('eventbridge/cloud-custodian-config-configuration-item-change.json'))).toEqual(['AWS::EC2::Instance i-12345678901234567']);
  });

  test.each([
    ['rule-invocation-events/powertools-awsConfigRuleOversizedConfiguration.json', 'AWS::EC2::Instance i-00000000', 'the S3 bucket of the delivery channel'],
    ['eventbridge/cloud-custodian-config-configuration-item-change-oversized.json', 'AWS::SSM::ManagedInstanceInventory mi-1234567890123456', 's3://bucket/file.json.gz'],
  ])('%s: the oversized summary item, without configuration, naming where it is', (file, id, location) => {
    const [item, ...others] = items(fixture(file));
    expect([`${item.resourceType} ${item.resourceId}`, others]).toEqual([id, []]);
    expect([item.configuration, item.configurationLocation]).toEqual([{}, location]);
  });

  test('select-resource-config output: each result is JSON text of an item', () => {
    const volume = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
    expect(ids({ Results: [JSON.stringify(volume), volume], QueryInfo: {} })).toEqual(['AWS::EC2::Volume vol-a416b170', 'AWS::EC2::Volume vol-a416b170']);
  });

  test('an SNS notification whose Message is JSON text', () => {
    const envelope = fixture('sns-notifications/awsdocs-ci-change-security-group-created.sns.json');
    expect(ids({ ...envelope, Message: JSON.stringify(envelope.Message) })).toEqual(['AWS::EC2::SecurityGroup sg-3f1fef43']);
  });

  test('an oversized notification without a summary naming the resource is refused', () => {
    expect(() => items({ messageType: 'OversizedConfigurationItemChangeNotification', s3DeliverySummary: {} }))
      .toThrow('notification is an oversized-item notification without a configurationItemSummary naming the resource');
  });

  test('a periodic event carries no item and says why', () => {
    const file = 'rule-invocation-events/powertools-awsConfigRuleScheduled.json';
    expect(() => items(fixture(file))).toThrow(InputError);
    expect(() => items(fixture(file))).toThrow(/^invokingEvent is a periodic \(ScheduledNotification\) event, which carries no configuration item$/);
  });

  test.each([
    [42, 'expected a JSON object or array'],
    [{ hello: 'world' }, /^no configuration items found: expected a configuration item, an array of them/],
    [[{ resourceType: 'AWS::S3::Bucket' }], 'item[0] is not a configuration item (it needs resourceType and resourceId)'],
    [{ configurationItems: [null] }, 'configurationItems[0] is not a configuration item (it needs resourceType and resourceId)'],
    [{ invokingEvent: '{oops' }, /^invokingEvent is not valid JSON/],
    [{ messageType: 'ConfigurationItemChangeNotification' }, 'notification has no configurationItem'],
  ])('%j is refused with a one-line reason', (document, message) => {
    expect(() => items(document)).toThrow(message);
  });
});

describe('bytes', () => {
  const snapshot = JSON.stringify(fixture('snapshot/awsdocs-config-snapshot-example.json'));

  test('plain and gzip JSON give the same items', () => {
    const plain = [...parseConfigurationItems(Buffer.from(snapshot))];
    expect(plain).toHaveLength(2);
    expect([...parseConfigurationItems(gzipSync(snapshot))]).toEqual(plain);
  });

  test('corrupt gzip and invalid JSON are input errors', () => {
    expect(() => decodeJson(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(/^gzip data is corrupt/);
    expect(() => decodeJson(Buffer.from('{"a":'))).toThrow(/^not valid JSON/);
  });
});

describe('configuration item shapes', () => {
  test('1.3 and 1.2 field names map to one shape', () => {
    const v13 = toConfigurationItem(fixture('configuration-items/rdk-example-AWS_S3_Bucket.json'))!;
    const v12 = toConfigurationItem(fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json'))!;
    expect([v13.awsAccountId, v13.ARN]).toEqual(['934654633380', 'arn:aws:s3:::mborch-test-bucket-config-item']);
    expect([v12.awsAccountId, v12.ARN]).toEqual(['264683526309', 'arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66']);
  });

  test('configuration as a JSON string (the API shape) is parsed, tags lists become a map', () => {
    const item = toConfigurationItem({
      resourceType: 'AWS::EC2::Instance',
      resourceId: 'i-1',
      configuration: JSON.stringify({ instanceType: 't3.micro' }),
      tags: [{ key: 'Owner', value: 'me' }, { Key: 'Team', Value: 7 }],
    })!;
    expect(item.configuration).toEqual({ instanceType: 't3.micro' });
    expect(item.tags).toEqual({ Owner: 'me', Team: '7' });
    expect(item.configurationItemStatus).toBe('OK');
  });

  test('API shape: each supplementary value, a JSON string, is decoded once into what the 1.3 item of an event holds', () => {
    const history = toConfigurationItem(fixture('configuration-items/AWS-S3-Bucket.history.json').configurationItems[0])!.supplementaryConfiguration;
    const event = invokingEventItem('configuration-items/AWS-S3-Bucket.create-event.json').supplementaryConfiguration;
    const kinds = (supplementary: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(event).map((key) => [key, supplementary[key] === null ? 'null' : typeof supplementary[key]]));
    expect(kinds(history)).toEqual(kinds(event));
    expect(kinds(event)).toMatchObject({ AccessControlList: 'string', BucketPolicy: 'object', IsRequesterPaysEnabled: 'boolean' });
    expect([history.BucketVersioningConfiguration, history.PublicAccessBlockConfiguration, history.IsRequesterPaysEnabled])
      .toEqual([event.BucketVersioningConfiguration, event.PublicAccessBlockConfiguration, event.IsRequesterPaysEnabled]);
    expect(JSON.parse((history.BucketPolicy as { policyText: string }).policyText).Statement[0]).toMatchObject({ Effect: 'Allow', Action: 's3:*' });
    expect(JSON.parse(history.AccessControlList as string).grantList).toEqual([
      { grantee: { id: '32b756591269409c14500e0e3618a6947452385b2e16cab13d39dc097da34fa9', displayName: null }, permission: 'FullControl' },
    ]);
  });
});
