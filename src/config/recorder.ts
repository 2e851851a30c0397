import { Aws, aws_config as config, aws_iam as iam, aws_kms as kms, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RecorderOptions, RecordingFrequency } from '../compliance-monitor-props';
import { resourceName } from '../naming';
import { RuleSet } from '../rules';

/**
 * CloudWatch Logs resource types are never recorded: the monitor's own log groups change with
 * every deployment, and recording them costs without serving any rule.
 */
export const NEVER_RECORDED_RESOURCE_TYPES: readonly string[] = ['AWS::Logs::LogGroup'];

/** Where Config writes in the delivery bucket. */
const CONFIG_DELIVERY_OBJECTS = `AWSLogs/${Aws.ACCOUNT_ID}/Config/*`;

/** Properties of the Config recorder and its delivery channel. */
export interface ConfigRecorderProps {
  readonly environmentSuffix: string;
  readonly options: RecorderOptions;
  /** Whose resource types the recorder records by default. */
  readonly ruleSet: RuleSet;
  readonly deliveryBucket: s3.IBucket;
  readonly encryptionKey: kms.IKey;
}

/** What the monitor creates when it brings its own recorder. */
export interface ConfigRecorder {
  readonly recorder: config.CfnConfigurationRecorder;
  readonly role: iam.Role;
  readonly deliveryChannel: config.CfnDeliveryChannel;
  /** Config's configuration stream: every change; people subscribe to the alert topic instead. */
  readonly configurationStreamTopic: sns.Topic;
}

function recordingGroup(props: ConfigRecorderProps): config.CfnConfigurationRecorder.RecordingGroupProperty {
  const excluded = props.options.excludedResourceTypes;
  const rules = props.ruleSet.rules;
  // A rule without resource types covers every type: then only an exclusion list can narrow the recording.
  const coversEveryType = rules.some((rule) => rule.resourceTypes.length === 0);
  const ruleTypes = [...new Set(rules.flatMap((rule) => rule.resourceTypes))].filter((type) => !NEVER_RECORDED_RESOURCE_TYPES.includes(type));
  if (excluded === undefined && !coversEveryType && ruleTypes.length > 0) {
    return {
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes: ruleTypes,
      recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
    };
  }
  return {
    allSupported: false,
    includeGlobalResourceTypes: false,
    exclusionByResourceTypes: { resourceTypes: [...new Set([...(excluded ?? []), ...NEVER_RECORDED_RESOURCE_TYPES])] },
    recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
  };
}

/**
 * Lets AWS Config deliver to the bucket exactly as it requires (check the ACL, check the bucket
 * exists, write its objects with bucket-owner-full-control), only for this account.
 */
function allowConfigDelivery(bucket: s3.IBucket): void {
  const thisAccount = { 'aws:SourceAccount': Aws.ACCOUNT_ID };
  const statements: Array<[sid: string, action: string, resource: string, conditions: Record<string, string>]> = [
    ['AWSConfigBucketPermissionsCheck', 's3:GetBucketAcl', bucket.bucketArn, thisAccount],
    ['AWSConfigBucketExistenceCheck', 's3:ListBucket', bucket.bucketArn, thisAccount],
    ['AWSConfigBucketDelivery', 's3:PutObject', bucket.arnForObjects(CONFIG_DELIVERY_OBJECTS), { 's3:x-amz-acl': 'bucket-owner-full-control', ...thisAccount }],
  ];
  for (const [sid, action, resource, conditions] of statements) {
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal('config.amazonaws.com')],
      actions: [action],
      resources: [resource],
      conditions: { StringEquals: conditions },
    }));
  }
}

/**
 * A Config recorder (role with the AWS_ConfigRole managed policy), then its delivery channel to the
 * delivery bucket and to its own configuration-stream topic: the order Config requires.
 */
export function createConfigRecorder(scope: Construct, props: ConfigRecorderProps): ConfigRecorder {
  const suffix = props.environmentSuffix;
  const role = new iam.Role(scope, 'ConfigRecorderRole', {
    assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
    description: `AWS Config recorder of compliance monitor ${suffix}`,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
  });
  const recorder = new config.CfnConfigurationRecorder(scope, 'ConfigRecorder', {
    name: resourceName('recorder', suffix),
    roleArn: role.roleArn,
    recordingGroup: recordingGroup(props),
    recordingMode: { recordingFrequency: props.options.recordingFrequency ?? RecordingFrequency.CONTINUOUS },
  });

  const configurationStreamTopic = new sns.Topic(scope, 'ConfigurationStreamTopic', {
    topicName: resourceName('config-stream', suffix),
    masterKey: props.encryptionKey,
    enforceSSL: true,
  });
  configurationStreamTopic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AWSConfigStream',
    principals: [new iam.ServicePrincipal('config.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [configurationStreamTopic.topicArn],
    conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
  }));
  allowConfigDelivery(props.deliveryBucket);
  // Config delivers with the recorder's role when the role is not its service-linked role.
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [props.deliveryBucket.bucketArn] }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [props.deliveryBucket.arnForObjects(CONFIG_DELIVERY_OBJECTS)] }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [configurationStreamTopic.topicArn] }));
  props.encryptionKey.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');

  const deliveryChannel = new config.CfnDeliveryChannel(scope, 'ConfigDeliveryChannel', {
    name: resourceName('delivery', suffix),
    s3BucketName: props.deliveryBucket.bucketName,
    s3KmsKeyArn: props.encryptionKey.keyArn,
    snsTopicArn: configurationStreamTopic.topicArn,
    configSnapshotDeliveryProperties: { deliveryFrequency: 'Six_Hours' },
  });
  // The channel needs the recorder, and a bucket and topic that already admit Config.
  deliveryChannel.addDependency(recorder);
  deliveryChannel.node.addDependency(props.deliveryBucket, configurationStreamTopic);
  return { recorder, role, deliveryChannel, configurationStreamTopic };
}

/** Aggregates this account's compliance across every region into one view. */
export function createAccountAggregator(scope: Construct, environmentSuffix: string): config.CfnConfigurationAggregator {
  return new config.CfnConfigurationAggregator(scope, 'ConfigAggregator', {
    configurationAggregatorName: resourceName('aggregator', environmentSuffix),
    accountAggregationSources: [{ accountIds: [Aws.ACCOUNT_ID], allAwsRegions: true }],
  });
}
