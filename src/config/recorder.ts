import { Aws, aws_config as config, aws_iam as iam, aws_kms as kms, aws_s3 as s3, CfnCondition, CfnResource, Fn, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RecorderOptions, RecordingFrequency } from '../compliance-monitor-props';
import { resourceName } from '../naming';
import { RuleSet } from '../rules';

/**
 * CloudWatch Logs resource types are never recorded: the monitor's own log groups change with
 * every deployment, and recording them costs without serving any rule.
 */
export const NEVER_RECORDED_RESOURCE_TYPES: readonly string[] = ['AWS::Logs::LogGroup'];

/**
 * IAM's global resource types: one set per account, which a recorder in each region would record
 * again. Only the recorder in `RecorderOptions.globalResourceTypesRegion` records them.
 */
export const GLOBAL_RESOURCE_TYPES: readonly string[] = ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'];

/** The default of `RecorderOptions.globalResourceTypesRegion`: IAM's home region in the commercial partition. */
export const DEFAULT_GLOBAL_RESOURCE_TYPES_REGION = 'us-east-1';

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
}

/**
 * In the global types' region, `inRegion`; elsewhere, `elsewhere`. Decided at synth when the stack's
 * region is known, by a condition at deploy when it is not.
 */
function byRegion(scope: Construct, globalRegion: string, inRegion: string[], elsewhere: string[]): string[] {
  const region = Stack.of(scope).region;
  if (!Token.isUnresolved(region)) {
    return region === globalRegion ? inRegion : elsewhere;
  }
  const condition = new CfnCondition(scope, 'GlobalResourceTypesRegion', { expression: Fn.conditionEquals(Aws.REGION, globalRegion) });
  return Fn.conditionIf(condition.logicalId, inRegion, elsewhere) as unknown as string[];
}

function recordingGroup(scope: Construct, props: ConfigRecorderProps): config.CfnConfigurationRecorder.RecordingGroupProperty {
  const excluded = props.options.excludedResourceTypes;
  const globalRegion = props.options.globalResourceTypesRegion ?? DEFAULT_GLOBAL_RESOURCE_TYPES_REGION;
  const rules = props.ruleSet.rules;
  // A rule without resource types covers every type: then only an exclusion list can narrow the recording.
  const coversEveryType = rules.some((rule) => rule.resourceTypes.length === 0);
  const ruleTypes = [...new Set(rules.flatMap((rule) => rule.resourceTypes))].filter((type) => !NEVER_RECORDED_RESOURCE_TYPES.includes(type));
  if (excluded === undefined && !coversEveryType && ruleTypes.length > 0) {
    const regional = ruleTypes.filter((type) => !GLOBAL_RESOURCE_TYPES.includes(type));
    // A set of IAM rules only records them wherever it is deployed: a recorder must record something.
    const mixed = regional.length > 0 && regional.length < ruleTypes.length;
    const resourceTypes = mixed ? byRegion(scope, globalRegion, ruleTypes, regional) : ruleTypes;
    return {
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes,
      recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
    };
  }
  const exclusions = [...new Set([...(excluded ?? []), ...NEVER_RECORDED_RESOURCE_TYPES])];
  const withGlobal = [...new Set([...exclusions, ...GLOBAL_RESOURCE_TYPES])];
  return {
    allSupported: false,
    includeGlobalResourceTypes: false,
    exclusionByResourceTypes: { resourceTypes: byRegion(scope, globalRegion, exclusions, withGlobal) },
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

/** `account/region` of the stack; environment-agnostic stacks deploy to the same default, so they compare equal. */
function deploymentTarget(scope: Construct): { key: string; description: string } {
  const stack = Stack.of(scope);
  const describe = (value: string, what: string) => (Token.isUnresolved(value) ? `the deploying ${what}` : value);
  return { key: `${stack.account}/${stack.region}`, description: `${describe(stack.account, 'account')} in ${describe(stack.region, 'region')}` };
}

/**
 * Throws when the app already holds a Config recorder for the account and region the scope deploys
 * to: AWS allows one recorder and one delivery channel per account and region, and the second stack
 * would fail at deploy (`MaxNumberOfConfigurationRecordersExceededException`).
 */
export function assertNoOtherRecorder(scope: Construct): void {
  const target = deploymentTarget(scope);
  const other = scope.node.root.node.findAll().find((construct) => CfnResource.isCfnResource(construct) &&
    construct.cfnResourceType === config.CfnConfigurationRecorder.CFN_RESOURCE_TYPE_NAME && deploymentTarget(construct).key === target.key);
  if (other) {
    throw new Error(`recorder: ${other.node.path} already creates the AWS Config recorder for ${target.description}, and AWS allows one ` +
      `recorder and one delivery channel per account and region: give ${scope.node.path} recorder: { useExisting: true }.`);
  }
}

/**
 * A Config recorder (role with the AWS_ConfigRole managed policy) and its delivery channel to the
 * delivery bucket.
 *
 * The channel has no SNS topic: EventBridge carries the compliance changes to the analyzer, nothing
 * would subscribe, and AWS Config does not support encrypted topics ("Permissions for the Amazon SNS
 * Topic", AWS Config Developer Guide). Neither resource depends on the other: CloudFormation starts the
 * recorder once a delivery channel exists, and a channel that waits for the recorder deadlocks the
 * first deployment (`NoAvailableDeliveryChannelException`, aws/aws-cdk#9001). Both wait for what lets
 * Config deliver: the bucket's policy and the role's policy.
 */
export function createConfigRecorder(scope: Construct, props: ConfigRecorderProps): ConfigRecorder {
  const suffix = props.environmentSuffix;
  const role = new iam.Role(scope, 'ConfigRecorderRole', {
    // The confused-deputy guard AWS Config documents for the recorder's role.
    assumedBy: new iam.ServicePrincipal('config.amazonaws.com').withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
    description: `AWS Config recorder of compliance monitor ${suffix}`,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
  });
  const recorder = new config.CfnConfigurationRecorder(scope, 'ConfigRecorder', {
    name: resourceName('recorder', suffix),
    roleArn: role.roleArn,
    recordingGroup: recordingGroup(scope, props),
    recordingMode: { recordingFrequency: props.options.recordingFrequency ?? RecordingFrequency.CONTINUOUS },
  });

  allowConfigDelivery(props.deliveryBucket);
  // Config delivers with the recorder's role when the role is not its service-linked role. A policy of
  // its own, so that the recorder and the channel can wait for it without waiting for the role twice.
  const deliveryPolicy = new iam.Policy(scope, 'ConfigRecorderDeliveryPolicy', {
    roles: [role],
    statements: [
      new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [props.deliveryBucket.bucketArn] }),
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [props.deliveryBucket.arnForObjects(CONFIG_DELIVERY_OBJECTS)] }),
      new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.encryptionKey.keyArn] }),
    ],
  });

  const deliveryChannel = new config.CfnDeliveryChannel(scope, 'ConfigDeliveryChannel', {
    name: resourceName('delivery', suffix),
    s3BucketName: props.deliveryBucket.bucketName,
    s3KmsKeyArn: props.encryptionKey.keyArn,
    configSnapshotDeliveryProperties: { deliveryFrequency: 'Six_Hours' },
  });
  for (const resource of [recorder, deliveryChannel]) {
    resource.node.addDependency(props.deliveryBucket.policy!, deliveryPolicy);
  }
  return { recorder, role, deliveryChannel };
}

/** Aggregates this account's compliance across every region into one view. */
export function createAccountAggregator(scope: Construct, environmentSuffix: string): config.CfnConfigurationAggregator {
  return new config.CfnConfigurationAggregator(scope, 'ConfigAggregator', {
    configurationAggregatorName: resourceName('aggregator', environmentSuffix),
    accountAggregationSources: [{ accountIds: [Aws.ACCOUNT_ID], allAwsRegions: true }],
  });
}
