import { Aws, aws_config as config, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RemediationMode } from '../core/remediation-mode';
import { REMEDIATION_FIXES, RemediationFix } from '../core/rules/remediation-catalog';
import { LATEST_MANIFEST_KEY, LATEST_REPORT_KEY, REPORTS_PREFIX } from '../core/storage/report-layout';
import { RuleSet } from '../rules';

/** What the analyzer reads and writes. */
export interface AnalyzerAccess {
  readonly findingsTable: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
  readonly configRules: readonly config.CfnConfigRule[];
  readonly remediator: lambda.IFunction;
  /** Its rules: when one exempts resources by tag, the analyzer queries Config for the tagged resources. */
  readonly ruleSet: RuleSet;
}

/** Bucket ARNs carry neither account nor region: `aws:ResourceAccount` keeps the grant to this account's buckets. */
const ANY_BUCKET = `arn:${Aws.PARTITION}:s3:::*`;

function account(service: string, resource: string): string {
  return `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
}

/**
 * The analyzer: findings in and out, alerts, the remediator (asynchronously), the compliance details
 * of this set's rules, and the Config actions that accept no resource. Its metrics are embedded in
 * its logs (EMF), so it needs no CloudWatch permission.
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
      actions: ['config:GetComplianceDetailsByConfigRule'],
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
  if (access.ruleSet.rules.some((rule) => rule.exemptions.some((exemption) => exemption.tagKey !== undefined))) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      // Accepts no resource-level permission either: finds the resources that carry an exemption's tag.
      sid: 'FindTaggedResourcesForExemptions',
      actions: ['config:SelectResourceConfig'],
      resources: ['*'],
    }));
  }
}

/**
 * The aggregator: reads findings, the latest report and the latest manifest (to link the next one to
 * it), writes report objects and their manifests (nothing else in S3), encrypted with the key.
 */
export function grantAggregator(role: iam.IRole, findingsTable: dynamodb.ITable, reportsBucket: s3.IBucket, encryptionKey: kms.IKey): void {
  findingsTable.grantReadData(role);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'WriteReports',
    // Reports are streamed as multipart uploads; a failed run aborts its own (the bucket's lifecycle
    // also aborts what is left after seven days).
    actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
    resources: [reportsBucket.arnForObjects(`${REPORTS_PREFIX}*`)],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ReadTheLatestReportAndManifest',
    actions: ['s3:GetObject'],
    resources: [reportsBucket.arnForObjects(LATEST_REPORT_KEY), reportsBucket.arnForObjects(LATEST_MANIFEST_KEY)],
  }));
  encryptionKey.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
}

/** What the remediator touches. */
export interface RemediatorAccess {
  readonly findingsTable: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
  readonly mode: RemediationMode;
  /** Its rules that opt in to remediation decide which fixes it may read for and apply. */
  readonly ruleSet: RuleSet;
}

/** The fixes of the set's rules that opt in to remediation. */
export function remediationFixes(ruleSet: RuleSet): RemediationFix[] {
  return [...new Set(ruleSet.rules.filter((rule) => rule.autoRemediate).map((rule) => REMEDIATION_FIXES.get(rule.ruleName) as RemediationFix))];
}

/** What one fix needs: actions to read the resource (and its tags), and actions to change it. */
interface FixPermissions {
  readonly sid: string;
  /** A read that accepts no resource-level permission, as EC2's Describe* calls. */
  readonly readAnyResource?: string;
  readonly read: readonly string[];
  readonly apply: readonly string[];
  readonly resources: readonly string[];
  /** Narrows resources whose ARNs cannot. */
  readonly conditions?: Record<string, unknown>;
  /** The cdk-nag finding (AwsSolutions-IAM5) its wildcard resource raises, and why the monitor accepts it. */
  readonly acknowledgement: { readonly id: string; readonly reason: string };
}

/** Every fix of buckets acts on any bucket of this account: one finding, one reason. */
const ANY_BUCKET_OF_THIS_ACCOUNT = {
  resources: [ANY_BUCKET],
  conditions: { StringEquals: { 'aws:ResourceAccount': Aws.ACCOUNT_ID } },
  acknowledgement: {
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::*]',
    reason: 'The remediator fixes whichever bucket of this account Config reports non-compliant; bucket ARNs carry no account to scope by.',
  },
};

const S3_ENCRYPTION: FixPermissions = {
  sid: 'FixS3DefaultEncryption',
  read: ['s3:GetEncryptionConfiguration', 's3:GetBucketTagging'],
  apply: ['s3:PutEncryptionConfiguration'],
  ...ANY_BUCKET_OF_THIS_ACCOUNT,
};

const SECURITY_GROUP_FINDING = 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*]';
const DB_INSTANCE_FINDING = 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:db:*]';

const FIX_PERMISSIONS: Record<RemediationFix, FixPermissions> = {
  S3_ENCRYPTION_KMS: S3_ENCRYPTION,
  S3_ENCRYPTION_AES256: S3_ENCRYPTION,
  CLOSE_WORLD_INGRESS: {
    sid: 'FixWorldOpenIngress',
    readAnyResource: 'ec2:DescribeSecurityGroups',
    read: [],
    apply: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
    resources: [account('ec2', 'security-group/*')],
    acknowledgement: {
      id: SECURITY_GROUP_FINDING,
      reason: 'In APPLY mode the remediator closes world ingress on whichever security group of this account and region Config reports.',
    },
  },
  REQUIRE_IMDSV2: {
    sid: 'FixImdsV2',
    readAnyResource: 'ec2:DescribeInstances',
    read: [],
    apply: ['ec2:ModifyInstanceMetadataOptions'],
    resources: [account('ec2', 'instance/*')],
    acknowledgement: {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*]',
      reason: 'In APPLY mode the remediator requires IMDSv2 on whichever instance of this account and region Config reports.',
    },
  },
  RAISE_BACKUP_RETENTION: {
    sid: 'FixBackupRetention',
    read: ['rds:DescribeDBInstances'],
    apply: ['rds:ModifyDBInstance'],
    resources: [account('rds', 'db:*')],
    acknowledgement: {
      id: DB_INSTANCE_FINDING,
      reason: 'The remediator fixes whichever DB instance of this account and region Config reports; RDS cannot scope by compliance.',
    },
  },
  BLOCK_BUCKET_PUBLIC_ACCESS: {
    sid: 'FixBucketPublicAccessBlock',
    read: ['s3:GetBucketPublicAccessBlock', 's3:GetBucketTagging'],
    apply: ['s3:PutBucketPublicAccessBlock'],
    ...ANY_BUCKET_OF_THIS_ACCOUNT,
  },
  ENABLE_S3_VERSIONING: {
    sid: 'FixS3Versioning',
    read: ['s3:GetBucketVersioning', 's3:GetBucketTagging'],
    apply: ['s3:PutBucketVersioning'],
    ...ANY_BUCKET_OF_THIS_ACCOUNT,
  },
  ENABLE_DYNAMODB_PITR: {
    sid: 'FixDynamoDbPointInTimeRecovery',
    read: ['dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource', 'dynamodb:DescribeContinuousBackups'],
    apply: ['dynamodb:UpdateContinuousBackups'],
    resources: [account('dynamodb', 'table/*')],
    acknowledgement: {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/*]',
      reason: 'In APPLY mode the remediator turns on point-in-time recovery on whichever table of this account and region Config reports.',
    },
  },
  CLOSE_DEFAULT_SECURITY_GROUP: {
    sid: 'FixDefaultSecurityGroup',
    readAnyResource: 'ec2:DescribeSecurityGroups',
    read: [],
    apply: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress'],
    resources: [account('ec2', 'security-group/*')],
    acknowledgement: {
      id: SECURITY_GROUP_FINDING,
      reason: 'In APPLY mode the remediator revokes the rules of whichever default security group of this account and region Config reports; ' +
        'IAM cannot tell a default group from another, and the fix leaves other groups alone.',
    },
  },
  DISABLE_RDS_PUBLIC_ACCESS: {
    sid: 'FixRdsPublicAccess',
    read: ['rds:DescribeDBInstances'],
    apply: ['rds:ModifyDBInstance'],
    resources: [account('rds', 'db:*')],
    acknowledgement: {
      id: DB_INSTANCE_FINDING,
      reason: 'In APPLY mode the remediator makes whichever DB instance of this account and region Config reports not publicly accessible.',
    },
  },
};

/**
 * The cdk-nag findings that the permissions of the set's opted-in fixes raise, each once, with the
 * reasons of the fixes that raise it.
 */
export function fixAcknowledgements(ruleSet: RuleSet): Array<{ readonly id: string; readonly reason: string }> {
  const reasons = new Map<string, Set<string>>();
  for (const { id, reason } of remediationFixes(ruleSet).map((fix) => FIX_PERMISSIONS[fix].acknowledgement)) {
    reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));
  }
  return [...reasons].map(([id, reasonsOfId]) => ({ id, reason: [...reasonsOfId].join(' ') }));
}

/**
 * The remediator: it audits to the findings table and announces on the alert topic in every mode. It
 * may read only what the fixes of its opted-in rules read, and only in APPLY mode change those
 * resources, in this account and region (buckets: in this account, by condition).
 */
export function grantRemediator(role: iam.IRole, access: RemediatorAccess): void {
  access.findingsTable.grantReadWriteData(role);
  access.alertTopic.grantPublish(role);
  // Both S3 encryption fixes share one set of permissions; the security-group fixes share their read.
  const needed = [...new Set(remediationFixes(access.ruleSet).map((fix) => FIX_PERMISSIONS[fix]))];
  const readsAnyResource = [...new Set(needed.flatMap((permissions) => permissions.readAnyResource ?? []))];
  if (readsAnyResource.length > 0) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'DescribeEc2ResourcesToFix', actions: readsAnyResource, resources: ['*'] }));
  }
  for (const permissions of needed) {
    const actions = [...permissions.read, ...(access.mode === RemediationMode.APPLY ? permissions.apply : [])];
    if (actions.length > 0) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        sid: permissions.sid, actions, resources: [...permissions.resources], conditions: permissions.conditions,
      }));
    }
  }
}
