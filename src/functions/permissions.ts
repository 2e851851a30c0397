import { Aws, aws_config as config, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RemediationMode } from '../compliance-monitor-props';
import { MONITOR_METRICS } from '../observability/metric-names';
import { LATEST_REPORT_KEY, REPORTS_PREFIX } from '../storage/report-layout';

/** What the analyzer reads and writes. */
export interface AnalyzerAccess {
  readonly findingsTable: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
  readonly configRules: readonly config.CfnConfigRule[];
  readonly remediator: lambda.IFunction;
}

/** Bucket ARNs carry neither account nor region; the handler touches only buckets Config reported for this account. */
const ANY_BUCKET = `arn:${Aws.PARTITION}:s3:::*`;

function account(service: string, resource: string): string {
  return `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
}

/**
 * The analyzer: findings in and out, alerts, its metrics, the remediator (asynchronously), the
 * compliance of this set's rules, and the two Config actions that accept no resource.
 */
export function grantAnalyzer(scope: Construct, role: iam.IRole, access: AnalyzerAccess): void {
  access.findingsTable.grantReadWriteData(role);
  access.alertTopic.grantPublish(role);
  access.remediator.grantInvoke(role);
  // A policy of its own: the rules depend on the analyzer, which depends on its role's default policy.
  new iam.Policy(scope, 'AnalyzerConfigRulesPolicy', {
    roles: [role],
    statements: [new iam.PolicyStatement({
      sid: 'ComplianceOfThisSetsRules',
      actions: ['config:DescribeComplianceByConfigRule', 'config:GetComplianceDetailsByConfigRule'],
      resources: access.configRules.map((rule) => rule.attrArn),
    })],
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    // These accept no resource-level permission (IAM's service authorization reference): answering
    // ENGINE rules, reading oversized items, and listing what a periodic ENGINE rule evaluates.
    sid: 'ConfigActionsWithoutResourceLevelPermissions',
    actions: ['config:PutEvaluations', 'config:GetResourceConfigHistory', 'config:ListDiscoveredResources', 'config:BatchGetResourceConfig'],
    resources: ['*'],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    // PutMetricData accepts no resource; the condition keeps it to the monitor's namespace.
    sid: 'MetricsInTheMonitorsNamespace',
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': MONITOR_METRICS.namespace } },
  }));
}

/** The aggregator: reads findings and the latest report, writes report objects (nothing else in S3), encrypted with the key. */
export function grantAggregator(role: iam.IRole, findingsTable: dynamodb.ITable, reportsBucket: s3.IBucket, encryptionKey: kms.IKey): void {
  findingsTable.grantReadData(role);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'WriteReports',
    actions: ['s3:PutObject'],
    resources: [reportsBucket.arnForObjects(`${REPORTS_PREFIX}*`)],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ReadTheLatestReport',
    actions: ['s3:GetObject'],
    resources: [reportsBucket.arnForObjects(LATEST_REPORT_KEY)],
  }));
  encryptionKey.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
}

/** What the remediator touches. */
export interface RemediatorAccess {
  readonly findingsTable: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
  readonly mode: RemediationMode;
}

/**
 * The remediator: it audits to the findings table and alerts in every mode; only in APPLY mode may
 * it change resources, and then only with the four fixes it knows (S3 default encryption,
 * security-group ingress, IMDSv2, RDS backup retention), on resources of this account and region.
 */
export function grantRemediator(role: iam.IRole, access: RemediatorAccess): void {
  access.findingsTable.grantReadWriteData(role);
  access.alertTopic.grantPublish(role);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    // EC2's Describe* calls accept no resource-level permission.
    sid: 'ReadEc2ResourcesToFix',
    actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeInstances'],
    resources: ['*'],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ReadOtherResourcesToFix',
    actions: ['rds:DescribeDBInstances', 's3:GetEncryptionConfiguration'],
    resources: [account('rds', 'db:*'), ANY_BUCKET],
  }));
  if (access.mode !== RemediationMode.APPLY) {
    return;
  }
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ApplyTheKnownFixes',
    actions: ['s3:PutEncryptionConfiguration'],
    resources: [ANY_BUCKET],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ApplyTheKnownFixesInThisAccount',
    actions: ['ec2:RevokeSecurityGroupIngress', 'ec2:ModifyInstanceMetadataOptions', 'rds:ModifyDBInstance'],
    resources: [account('ec2', 'security-group/*'), account('ec2', 'instance/*'), account('rds', 'db:*')],
  }));
}
