import { CfnResource, IResolvable, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { ComplianceMonitor } from './compliance-monitor';
import { fixAcknowledgements } from './functions/permissions';

/** Where cdk-nag 2 reads a resource's suppressions. */
const NAG_V2_METADATA_KEY = 'cdk_nag';

/** A cdk-nag finding the monitor accepts by design, on the construct it concerns, with the reason. */
interface Acknowledgement {
  readonly on: IConstruct | undefined;
  readonly id: string;
  readonly reason: string;
}

/** `<LogicalId.Arn>`, as cdk-nag writes a resource's ARN in a finding's id. */
function arnOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnResource;
  return `<${Stack.of(construct).resolve(resource.logicalId as string | IResolvable)}.Arn>`;
}

const KMS_GRANT_ACTIONS = 'CDK grants for the monitor\'s one key: KMS names its data-key actions with a wildcard ' +
  '(GenerateDataKey, GenerateDataKeyWithoutPlaintext; ReEncryptFrom, ReEncryptTo), and the resource is that key alone.';

/**
 * The cdk-nag findings (AwsSolutions and NIST 800-53 rev 5) the monitor's design accepts, each
 * acknowledged on the construct it concerns with the reason, so that users who run cdk-nag over
 * their stacks see only findings about their own resources.
 */
export function acknowledgeFindings(monitor: ComplianceMonitor): void {
  const functionRoles = [monitor.analyzerFunction, monitor.aggregatorFunction, monitor.remediatorFunction].map((fn) => fn.role!);
  const table = arnOf(monitor.findingsTable);
  const acknowledgements: Acknowledgement[] = [
    ...functionRoles.flatMap((role): Acknowledgement[] => [
      {
        on: role,
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Only actions that accept no resource-level permission: X-Ray PutTraceSegments/PutTelemetryRecords, ' +
          'config:PutEvaluations, GetResourceConfigHistory, ListDiscoveredResources, BatchGetResourceConfig and SelectResourceConfig, ' +
          'ec2:DescribeSecurityGroups/DescribeInstances.',
      },
      { on: role, id: `AwsSolutions-IAM5[Resource::${table}/index/*]`, reason: 'The findings table\'s own indexes (the current-findings and history indexes).' },
      {
        on: role,
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason: 'Each function has its own role, and its policy is that role\'s alone: an inline policy cannot be attached to another principal.',
      },
    ]),
    // The analyzer and the remediator write to the table and publish to the topic; the aggregator only reads.
    ...[monitor.analyzerFunction.role, monitor.remediatorFunction.role].flatMap((role): Acknowledgement[] => [
      { on: role, id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: KMS_GRANT_ACTIONS },
      { on: role, id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: KMS_GRANT_ACTIONS },
    ]),
    {
      on: monitor.analyzerFunction.role,
      id: `AwsSolutions-IAM5[Resource::${arnOf(monitor.remediatorFunction)}:*]`,
      reason: 'Invoking the remediator function, any of its versions: the remediator alone.',
    },
    {
      on: monitor.aggregatorFunction.role,
      id: `AwsSolutions-IAM5[Resource::${arnOf(monitor.reportsBucket)}/reports/*]`,
      reason: 'The report objects, named by date, under the reports/ prefix of the reports bucket.',
    },
    // Each opted-in fix's wildcard resource, acknowledged beside its permissions (functions/permissions.ts).
    ...fixAcknowledgements(monitor.ruleSet).map(({ id, reason }): Acknowledgement => ({ on: monitor.remediatorFunction.role, id, reason })),
    {
      on: monitor.alertDeadLetterQueue,
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the alert topic\'s e-mail subscriptions (their redrive policy).',
    },
    {
      on: monitor.configRecorderRole,
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      reason: 'AWS\'s managed policy for Config recorders: AWS keeps it current with every resource type Config can record.',
    },
    {
      on: monitor.node.tryFindChild('ConfigRecorderDeliveryPolicy'),
      id: `AwsSolutions-IAM5[Resource::${monitor.configBucket && arnOf(monitor.configBucket)}/AWSLogs/<AWS::AccountId>/Config/*]`,
      reason: 'The objects Config delivers, under the prefix AWS Config writes for this account.',
    },
    {
      on: monitor.node.tryFindChild('ConfigRecorderDeliveryPolicy'),
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason: 'The recorder role\'s delivery permissions, attached to that role alone.',
    },
    {
      on: monitor.node.tryFindChild('AnalyzerConfigRulesPolicy'),
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason: 'The analyzer\'s access to the compliance of this set\'s rules, attached to the analyzer\'s role alone.',
    },
    ...[monitor.accessLogsBucket, monitor.configBucket, monitor.reportsBucket].map((bucket): Acknowledgement => ({
      on: bucket,
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason: 'Replication needs a bucket in another region, which a single-region construct cannot create; ' +
        'versioning and the retain removal policy protect the audit trail, and users can add replication to these public buckets.',
    })),
    {
      on: monitor.accessLogsBucket,
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: 'S3 delivers server access logs only to buckets encrypted with S3-managed keys (SSE-S3).',
    },
    {
      on: monitor.findingsTable,
      id: 'NIST.800.53.R5-DynamoDBInBackupPlan',
      reason: 'Point-in-time recovery keeps 35 days of continuous backups; an AWS Backup plan is the account\'s choice, not the monitor\'s.',
    },
    ...[monitor.analyzerFunction, monitor.aggregatorFunction, monitor.remediatorFunction].flatMap((fn): Acknowledgement[] => [
      {
        on: fn,
        id: 'NIST.800.53.R5-LambdaConcurrency',
        reason: 'Reserved concurrency fails to deploy in accounts with the default limit of 10; invocations are bounded by their schedules and Config.',
      },
      {
        on: fn,
        id: 'NIST.800.53.R5-LambdaInsideVPC',
        reason: 'The functions call only AWS APIs; a VPC would need NAT or endpoints for Config, DynamoDB, S3, SNS and CloudWatch and add no isolation.',
      },
    ]),
  ];
  for (const { on, id, reason } of acknowledgements) {
    if (on) {
      acknowledge(on, id, reason);
    }
  }
}

/**
 * Acknowledges a finding for both versions of cdk-nag, since users run either.
 *
 * cdk-nag 3 reads `Validations` acknowledgements. `Validations.acknowledge` in aws-cdk-lib 2.257
 * refuses ids with more than one `::`, as cdk-nag writes them for ARNs with pseudo parameters
 * (`<AWS::Partition>`); those are recorded directly under the metadata key that cdk-nag reads and
 * `acknowledge` writes.
 *
 * cdk-nag 2 reads `NagSuppressions`: the `cdk_nag` template metadata of the very resource it flags
 * (a role's finding is on its default policy), with `Rule[finding]` split into the rule id and
 * `applies_to`; written in the format `NagSuppressions.addResourceSuppressions(on, ..., true)` writes
 * (ASCII reasons, so none is encoded), which this library cannot call without depending on cdk-nag.
 */
function acknowledge(on: IConstruct, id: string, reason: string): void {
  if (id.split('::').length <= 2) {
    Validations.of(on).acknowledge({ id, reason });
  } else {
    on.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [id]: reason });
  }
  const [, ruleId, finding] = /^([^[]+)(?:\[(.*)\])?$/.exec(id)!;
  const suppression = { id: ruleId, reason, ...(finding === undefined ? {} : { applies_to: [finding] }) };
  for (const resource of flaggedResources(on)) {
    const suppressed = resource.getMetadata(NAG_V2_METADATA_KEY)?.rules_to_suppress ?? [];
    resource.addMetadata(NAG_V2_METADATA_KEY, { rules_to_suppress: [...suppressed, suppression] });
  }
}

/** The resources cdk-nag flags for a construct: its own, and for a role its default policy. */
function flaggedResources(on: IConstruct): CfnResource[] {
  return [on.node.defaultChild, on.node.tryFindChild('DefaultPolicy')?.node.defaultChild].filter(
    (child): child is CfnResource => child !== undefined && CfnResource.isCfnResource(child));
}
