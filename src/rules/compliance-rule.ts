import { aws_config as config, aws_lambda as lambda } from 'aws-cdk-lib';
import { Evaluator } from './evaluator';
import { Exemption } from './exemption';
import { controlProblems, Framework } from './framework';
import { closestManagedRuleIdentifier, isManagedRuleIdentifier } from './managed-rule-identifiers';
import { RuleTrigger } from './rule-trigger';
import { parameterProblems, RULE_CATALOG, RuleDefinition } from '../core/rules/catalog';
import { REMEDIATION_FIXES } from '../core/rules/remediation-catalog';
import { Severity } from '../core/rules/severity';
import { MAX_ENVIRONMENT_SUFFIX_LENGTH } from '../naming';

/** Options every built-in rule takes. */
export interface RuleOptions {
  /**
   * How serious a violation is.
   * @default - the rule's own default, Security Hub's for the matching control where there is one:
   * CRITICAL for open security groups and public databases, snapshots and functions, HIGH for most
   * encryption and public access, MEDIUM for backups and logging, LOW for tags and instance types
   */
  readonly severity?: Severity;
  /**
   * Who evaluates the rule: AWS, or this project's engine in the monitor's analyzer.
   * @default Evaluator.MANAGED
   */
  readonly evaluator?: Evaluator;
  /**
   * Resource types to evaluate, a subset of the managed rule's.
   * @default - every resource type the managed rule evaluates
   */
  readonly resourceTypes?: string[];
  /**
   * Violations that are accepted: recorded as EXEMPT, never alerted or remediated.
   * @default - none
   */
  readonly exemptions?: Exemption[];
  /**
   * Whether the remediator fixes new violations, in the monitor's `remediation` mode (a dry run by
   * default). Only for the rules with a known fix: S3 bucket encryption (both rules), S3 bucket-level
   * public access and versioning, the three security-group rules and the default security group,
   * EC2 IMDSv2, RDS backups and public access, and DynamoDB point-in-time recovery.
   * @default false
   */
  readonly autoRemediate?: boolean;
  /**
   * Controls of frameworks that the rule maps to, beside the built-in mappings (or instead of them,
   * with `replace`): an organisation's own reading of a framework, or a custom framework's controls
   * of a custom or managed rule. One entry per framework.
   * @default - the built-in mappings only (none for custom and managed rules)
   */
  readonly controls?: RuleControls[];
}

/** The controls of one framework that a rule maps to. */
export interface RuleControls {
  /** The framework, built-in or `Framework.custom`. */
  readonly framework: Framework;
  /** Control ids of the framework, e.g. `['CC6.1']`. */
  readonly controls: string[];
  /**
   * Whether these replace the framework's own mapping of the rule instead of adding to it.
   * @default false
   */
  readonly replace?: boolean;
}

/** Options of `ComplianceRule.builtIn`. */
export interface BuiltInRuleOptions extends RuleOptions {
  /**
   * Input parameters under AWS's names, e.g. `{ tag1Key: 'Owner' }`.
   * @default - none
   */
  readonly parameters?: { [name: string]: string };
}

/** Options of `ComplianceRule.s3DefaultEncryptionKms`. */
export interface S3DefaultEncryptionKmsOptions extends RuleOptions {
  /**
   * ARNs of the KMS keys buckets may be encrypted with.
   * @default - any KMS key
   */
  readonly kmsKeyArns?: string[];
}

/** Options of `ComplianceRule.s3BucketVersioningEnabled`. */
export interface S3BucketVersioningEnabledOptions extends RuleOptions {
  /**
   * Also require MFA delete (AWS's `isMfaDeleteEnabled`).
   * @default false
   */
  readonly requireMfaDelete?: boolean;
}

/** Options of `ComplianceRule.rdsStorageEncrypted`. */
export interface RdsStorageEncryptedOptions extends RuleOptions {
  /**
   * ID or ARN of the KMS key the storage must be encrypted with.
   * @default - any key
   */
  readonly kmsKeyId?: string;
}

/** Options of `ComplianceRule.rdsBackupEnabled`. */
export interface RdsBackupEnabledOptions extends RuleOptions {
  /**
   * Fewest days of backup retention, from 1 to 35.
   * @default - any retention of at least one day
   */
  readonly backupRetentionMinimum?: number;
  /**
   * Exact days of backup retention, from 1 to 35.
   * @default - not checked
   */
  readonly backupRetentionPeriod?: number;
  /**
   * Exact backup window, `hh24:mi-hh24:mi` in UTC.
   * @default - not checked
   */
  readonly preferredBackupWindow?: string;
  /**
   * Whether read replicas are evaluated too.
   * @default false
   */
  readonly checkReadReplicas?: boolean;
}

/** Options of `ComplianceRule.requiredTags`. */
export interface RequiredTagsOptions extends RuleOptions {
  /**
   * Tag keys (case-sensitive) to their allowed values; an empty list allows any value.
   * More than six tags need `Evaluator.ENGINE`.
   */
  readonly tags: { [key: string]: string[] };
}

/** Options of `ComplianceRule.desiredInstanceTypes`. */
export interface DesiredInstanceTypesOptions extends RuleOptions {
  /** The EC2 instance types allowed, e.g. `['t3.micro', 'm5.large']` (the managed rule's `instanceType`). */
  readonly instanceTypes: string[];
}

/** Options of `ComplianceRule.restrictedCommonPorts`. */
export interface RestrictedCommonPortsOptions extends RuleOptions {
  /**
   * TCP ports that must not be open to 0.0.0.0/0 or ::/0, as `blockedPort1`, `blockedPort2`...
   * As in AWS's managed rule, each of the five numbered ports has its own default, so a list of
   * fewer than five replaces the first defaults only: `[8080]` blocks 8080, 21, 3389, 3306 and 4333.
   * More than five need `Evaluator.ENGINE`.
   * @default [20, 21, 3389, 3306, 4333] (AWS's defaults)
   */
  readonly blockedPorts?: number[];
}

/** Options of `ComplianceRule.securityGroupAuthorizedPorts`. */
export interface SecurityGroupAuthorizedPortsOptions extends RuleOptions {
  /**
   * TCP ports or ranges (`"443"`, `"1020-1025"`) that may be open to the world; an empty list is none.
   * @default - none
   */
  readonly tcp?: string[];
  /**
   * UDP ports or ranges that may be open to the world; an empty list is none.
   * @default - none
   */
  readonly udp?: string[];
}

/** Options of `ComplianceRule.encryptedVolumes`. */
export interface EncryptedVolumesOptions extends RuleOptions {
  /**
   * ID or ARN of the KMS key volumes must be encrypted with.
   * @default - any key
   */
  readonly kmsId?: string;
}

/** Which replication `ComplianceRule.s3BucketReplicationEnabled` requires (AWS's `ReplicationType`). */
export enum S3ReplicationType {
  /** Cross-Region Replication only. */
  CROSS_REGION = 'CROSS-REGION',
  /** Same-Region Replication only. */
  SAME_REGION = 'SAME-REGION',
}

/** Options of `ComplianceRule.s3BucketLevelPublicAccessProhibited`. */
export interface S3BucketLevelPublicAccessProhibitedOptions extends RuleOptions {
  /**
   * Names of buckets meant to be public (AWS's `excludedPublicBuckets`); an empty list is none.
   * @default - none
   */
  readonly excludedPublicBuckets?: string[];
}

/** Options of `ComplianceRule.s3BucketLoggingEnabled`. */
export interface S3BucketLoggingEnabledOptions extends RuleOptions {
  /**
   * The bucket server access logs must go to (AWS's `targetBucket`).
   * @default - any bucket
   */
  readonly targetBucket?: string;
  /**
   * The key prefix logs must go under (AWS's `targetPrefix`).
   * @default - any prefix
   */
  readonly targetPrefix?: string;
}

/** Options of `ComplianceRule.s3BucketReplicationEnabled`. */
export interface S3BucketReplicationEnabledOptions extends RuleOptions {
  /**
   * Require this kind of replication only (AWS's `ReplicationType`). The offline engine cannot tell
   * a destination's region from an item, so with a type it judges enabled replication NOT_APPLICABLE.
   * @default - any enabled replication
   */
  readonly replicationType?: S3ReplicationType;
}

/** Options of `ComplianceRule.rdsInstanceDeletionProtectionEnabled`. */
export interface RdsInstanceDeletionProtectionEnabledOptions extends RuleOptions {
  /**
   * Database engines to evaluate, e.g. `['mysql', 'postgres']` (AWS's `databaseEngines`); instances
   * of other engines are NOT_APPLICABLE. An empty list is none.
   * @default - every engine
   */
  readonly databaseEngines?: string[];
}

/** Options of `ComplianceRule.rdsEnhancedMonitoringEnabled`. */
export interface RdsEnhancedMonitoringEnabledOptions extends RuleOptions {
  /**
   * The monitoring interval instances must use, in seconds: 1, 5, 10, 15, 30 or 60 (AWS's `monitoringInterval`).
   * @default - any interval: monitoring only has to be on
   */
  readonly monitoringInterval?: number;
}

/** Options of `ComplianceRule.ec2InstanceProfileAttached`. */
export interface Ec2InstanceProfileAttachedOptions extends RuleOptions {
  /**
   * ARNs of the instance profiles instances may have (AWS's `IamInstanceProfileArnList`); an empty list is none.
   * @default - any instance profile
   */
  readonly instanceProfileArns?: string[];
}

/** Options of `ComplianceRule.ec2VolumeInuseCheck`. */
export interface Ec2VolumeInuseCheckOptions extends RuleOptions {
  /**
   * Also require attached volumes to be deleted when their instance terminates (AWS's `deleteOnTermination`).
   * @default false
   */
  readonly deleteOnTermination?: boolean;
}

/** Options of `ComplianceRule.iamPolicyNoStatementsWithAdminAccess`. */
export interface IamPolicyNoStatementsWithAdminAccessOptions extends RuleOptions {
  /**
   * Leave out customer managed policies used as permissions boundaries (AWS's
   * `excludePermissionBoundaryPolicy`; Security Hub's IAM.1 sets it).
   * @default false
   */
  readonly excludePermissionBoundaryPolicy?: boolean;
}

/** Options of `ComplianceRule.iamUserGroupMembershipCheck`. */
export interface IamUserGroupMembershipCheckOptions extends RuleOptions {
  /**
   * Groups of which each user must be a member of at least one (AWS's `groupNames`).
   * @default - any group
   */
  readonly groupNames?: string[];
}

/** Options of `ComplianceRule.dynamodbTableEncryptedKms`. */
export interface DynamodbTableEncryptedKmsOptions extends RuleOptions {
  /**
   * ARNs of the KMS keys tables may be encrypted with (AWS's `kmsKeyArns`); an empty list is any.
   * @default - any KMS key, the AWS managed one included
   */
  readonly kmsKeyArns?: string[];
}

/** Options of `ComplianceRule.lambdaFunctionSettingsCheck`. */
export interface LambdaFunctionSettingsCheckOptions extends RuleOptions {
  /** Runtimes functions may use, e.g. `['nodejs22.x', 'python3.12']` (AWS's `runtime`). */
  readonly runtimes: string[];
  /**
   * Name or ARN of the execution role functions must have (AWS's `role`).
   * @default - any role
   */
  readonly role?: string;
  /**
   * The timeout functions must have, in seconds, 1 to 900 (AWS's `timeout`).
   * @default 3 (AWS's default)
   */
  readonly timeout?: number;
  /**
   * The memory functions must have, in MB, 128 to 10240 (AWS's `memorySize`).
   * @default 128 (AWS's default)
   */
  readonly memorySize?: number;
}

/** Options of `ComplianceRule.snsEncryptedKms`. */
export interface SnsEncryptedKmsOptions extends RuleOptions {
  /**
   * Key ARNs, key ids, alias ARNs or alias names topics may be encrypted with (AWS's `kmsKeyIds`); an empty list is any.
   * @default - any KMS key
   */
  readonly kmsKeyIds?: string[];
}

/** Options of `ComplianceRule.secretsManagerRotationEnabledCheck`. */
export interface SecretsManagerRotationEnabledCheckOptions extends RuleOptions {
  /**
   * The longest interval between rotations, in days (AWS's `maximumAllowedRotationFrequency`).
   * @default - any interval
   */
  readonly maximumAllowedRotationFrequency?: number;
  /**
   * The longest interval between rotations, in hours (AWS's `maximumAllowedRotationFrequencyInHours`).
   * @default - any interval
   */
  readonly maximumAllowedRotationFrequencyInHours?: number;
}

/** Options of `ComplianceRule.elbLoggingEnabled`. */
export interface ElbLoggingEnabledOptions extends RuleOptions {
  /**
   * Buckets load balancers may deliver access logs to (AWS's `s3BucketNames`); an empty list is any.
   * @default - any bucket
   */
  readonly s3BucketNames?: string[];
}

/** Options of `ComplianceRule.managed`. */
export interface ManagedRuleOptions {
  /** The rule's name in the set; the monitor deploys its Config rule as `{ruleName}-{environmentSuffix}`. */
  readonly ruleName: string;
  /**
   * Input parameters, under AWS's names.
   * @default - none
   */
  readonly parameters?: { [name: string]: string };
  /**
   * Resource types to evaluate.
   * @default - the managed rule's own scope
   */
  readonly resourceTypes?: string[];
  /**
   * When Config evaluates the rule.
   * @default - the managed rule's own trigger
   */
  readonly trigger?: RuleTrigger;
  /**
   * How serious a violation is.
   * @default Severity.MEDIUM
   */
  readonly severity?: Severity;
  /**
   * Violations that are accepted: recorded as EXEMPT, never alerted.
   * @default - none
   */
  readonly exemptions?: Exemption[];
  /**
   * Accept an identifier missing from the library's list of AWS Config managed rules: for a rule
   * AWS published after this version of the library.
   * @default false (an unknown identifier throws, suggesting the closest known one)
   */
  readonly allowUnlistedIdentifier?: boolean; /**
   * Controls of frameworks that the rule maps to (a managed or custom rule has no built-in mapping).
   * One entry per framework.
   * @default - none
   */
  readonly controls?: RuleControls[];
}

/** Options of `ComplianceRule.custom`. */
export interface CustomRuleOptions {
  /** The rule's name in the set; the monitor deploys its Config rule as `{ruleName}-{environmentSuffix}`. */
  readonly ruleName: string;
  /** The function that evaluates the rule and answers Config with PutEvaluations. */
  readonly lambdaFunction: lambda.IFunction;
  /**
   * Input parameters passed to the function.
   * @default - none
   */
  readonly parameters?: { [name: string]: string };
  /**
   * Resource types whose changes trigger the rule.
   * @default - every resource type
   */
  readonly resourceTypes?: string[];
  /**
   * When Config evaluates the rule.
   * @default RuleTrigger.configurationChanges()
   */
  readonly trigger?: RuleTrigger;
  /**
   * How serious a violation is.
   * @default Severity.MEDIUM
   */
  readonly severity?: Severity;
  /**
   * Violations that are accepted: recorded as EXEMPT, never alerted.
   * @default - none
   */
  readonly exemptions?: Exemption[];
  /**
   * Controls of frameworks that the rule maps to (a managed or custom rule has no built-in mapping).
   * One entry per framework.
   * @default - none
   */
  readonly controls?: RuleControls[];
}

/** AWS Config's limit on a rule name, less the `-{environmentSuffix}` the monitor appends. */
const MAX_RULE_NAME_LENGTH = 128 - 1 - MAX_ENVIRONMENT_SUFFIX_LENGTH;
const RULE_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** How often the built-in rules that AWS also runs periodically are evaluated. */
const PERIODIC_FREQUENCY = config.MaximumExecutionFrequency.SIX_HOURS;

interface ComplianceRuleSpec {
  readonly ruleName: string;
  readonly identifier?: string;
  readonly parameters: Record<string, string>;
  readonly resourceTypes: string[];
  readonly trigger?: RuleTrigger;
  readonly severity: Severity;
  readonly evaluator: Evaluator;
  readonly lambdaFunction?: lambda.IFunction;
  readonly exemptions: Exemption[];
  readonly autoRemediate: boolean;
  readonly controls: RuleControls[];
}

/**
 * A compliance rule: what AWS Config evaluates, under which name and parameters, and how serious a
 * violation is. Built-in rules map to the AWS managed rule of the same meaning.
 *
 * @example
 * const tags = ComplianceRule.requiredTags({ tags: { Environment: ['prod', 'dev'], Owner: [] } });
 */
export class ComplianceRule {
  /** `s3-bucket-server-side-encryption-enabled`: S3 buckets have default encryption or deny unencrypted puts. */
  public static s3BucketServerSideEncryption(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-server-side-encryption-enabled', {}, options);
  }

  /** `s3-default-encryption-kms`: S3 buckets are encrypted with AWS KMS, optionally with given keys. */
  public static s3DefaultEncryptionKms(options: S3DefaultEncryptionKmsOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-default-encryption-kms', compact({ kmsKeyArns: listed(options.kmsKeyArns) }), options);
  }

  /** `s3-bucket-versioning-enabled`: S3 buckets keep versions of their objects, optionally with MFA delete. */
  public static s3BucketVersioningEnabled(options: S3BucketVersioningEnabledOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-versioning-enabled', compact({ isMfaDeleteEnabled: options.requireMfaDelete ? 'true' : undefined }), options);
  }

  /** `rds-storage-encrypted`: RDS DB instances encrypt their storage, optionally with a given key. */
  public static rdsStorageEncrypted(options: RdsStorageEncryptedOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-storage-encrypted', compact({ kmsKeyId: options.kmsKeyId }), options);
  }

  /** `db-instance-backup-enabled`: RDS DB instances keep automated backups. */
  public static rdsBackupEnabled(options: RdsBackupEnabledOptions = {}): ComplianceRule {
    const retentions = { backupRetentionMinimum: options.backupRetentionMinimum, backupRetentionPeriod: options.backupRetentionPeriod };
    for (const [name, days] of Object.entries(retentions)) {
      if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 35)) {
        throw new Error(`ComplianceRule.rdsBackupEnabled: ${name} must be a whole number of days from 1 to 35, RDS's range (got ${days}).`);
      }
    }
    return ComplianceRule.fromCatalog('db-instance-backup-enabled', compact({
      backupRetentionMinimum: options.backupRetentionMinimum?.toString(),
      backupRetentionPeriod: options.backupRetentionPeriod?.toString(),
      preferredBackupWindow: options.preferredBackupWindow,
      checkReadReplicas: options.checkReadReplicas?.toString(),
    }), options);
  }

  /** `ec2-imdsv2-check`: EC2 instances require IMDSv2 session tokens. */
  public static ec2Imdsv2(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('ec2-imdsv2-check', {}, options);
  }

  /** `required-tags`: resources carry the given tags, with one of the allowed values where listed. */
  public static requiredTags(options: RequiredTagsOptions): ComplianceRule {
    const entries = Object.entries(options.tags);
    if (entries.length === 0) {
      throw new Error('ComplianceRule.requiredTags: tags is empty; give at least one tag key, e.g. { Owner: [] }.');
    }
    const parameters: Record<string, string> = {};
    entries.forEach(([key, values], i) => {
      if (key.length === 0 || key.length > 128) {
        throw new Error(`ComplianceRule.requiredTags: tag key "${key}" must have 1 to 128 characters.`);
      }
      const badValue = values.find((value) => value.length === 0 || value.length > 256 || value.includes(','));
      if (badValue !== undefined) {
        throw new Error(`ComplianceRule.requiredTags: value "${badValue}" of tag "${key}" must have 1 to 256 characters and no comma.`);
      }
      parameters[`tag${i + 1}Key`] = key;
      if (values.length > 0) {
        parameters[`tag${i + 1}Value`] = values.join(',');
      }
    });
    return ComplianceRule.fromCatalog('required-tags', parameters, options);
  }

  /** `desired-instance-type`: EC2 instances are of one of the given types, e.g. `t3.micro`. */
  public static desiredInstanceTypes(options: DesiredInstanceTypesOptions): ComplianceRule {
    if (options.instanceTypes.length === 0) {
      throw new Error('ComplianceRule.desiredInstanceTypes: instanceTypes is empty; list the allowed types, e.g. ["t3.micro"].');
    }
    return ComplianceRule.fromCatalog('desired-instance-type', { instanceType: options.instanceTypes.join(',') }, options);
  }

  /** `restricted-ssh`: no security group allows SSH (TCP 22) from 0.0.0.0/0 or ::/0. */
  public static restrictedSsh(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('restricted-ssh', {}, options);
  }

  /** `restricted-common-ports`: no security group allows unrestricted TCP traffic to the blocked ports. */
  public static restrictedCommonPorts(options: RestrictedCommonPortsOptions = {}): ComplianceRule {
    const ports = options.blockedPorts;
    if (ports?.length === 0) {
      throw new Error('ComplianceRule.restrictedCommonPorts: blockedPorts is empty; omit it for AWS\'s defaults or list ports.');
    }
    const parameters = Object.fromEntries((ports ?? []).map((port, i) => [`blockedPort${i + 1}`, String(port)]));
    return ComplianceRule.fromCatalog('restricted-common-ports', parameters, options);
  }

  /** `vpc-sg-open-only-to-authorized-ports`: security groups open to the world open only authorized ports. */
  public static securityGroupAuthorizedPorts(options: SecurityGroupAuthorizedPortsOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('vpc-sg-open-only-to-authorized-ports', compact({
      authorizedTcpPorts: listed(options.tcp),
      authorizedUdpPorts: listed(options.udp),
    }), options);
  }

  /** `encrypted-volumes`: attached EBS volumes are encrypted, optionally with a given key. */
  public static encryptedVolumes(options: EncryptedVolumesOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('encrypted-volumes', compact({ kmsId: options.kmsId }), options);
  }

  /** `s3-bucket-level-public-access-prohibited`: buckets block public access at the bucket level, unless listed. */
  public static s3BucketLevelPublicAccessProhibited(options: S3BucketLevelPublicAccessProhibitedOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-level-public-access-prohibited', compact({ excludedPublicBuckets: listed(options.excludedPublicBuckets) }), options);
  }

  /** `s3-bucket-ssl-requests-only`: bucket policies deny requests without TLS, to the bucket and its objects. */
  public static s3BucketSslRequestsOnly(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-ssl-requests-only', {}, options);
  }

  /** `s3-bucket-logging-enabled`: buckets have server access logging, optionally to a given bucket and prefix. */
  public static s3BucketLoggingEnabled(options: S3BucketLoggingEnabledOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-logging-enabled', compact({ targetBucket: options.targetBucket, targetPrefix: options.targetPrefix }), options);
  }

  /** `s3-bucket-replication-enabled`: buckets replicate, every replication rule enabled. */
  public static s3BucketReplicationEnabled(options: S3BucketReplicationEnabledOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('s3-bucket-replication-enabled', compact({ ReplicationType: options.replicationType }), options);
  }

  /** `rds-instance-public-access-check`: RDS DB instances are not publicly accessible. */
  public static rdsInstancePublicAccessCheck(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-instance-public-access-check', {}, options);
  }

  /** `rds-multi-az-support`: RDS DB instances run in several Availability Zones. */
  public static rdsMultiAzSupport(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-multi-az-support', {}, options);
  }

  /** `rds-instance-deletion-protection-enabled`: RDS DB instances have deletion protection, optionally for given engines only. */
  public static rdsInstanceDeletionProtectionEnabled(options: RdsInstanceDeletionProtectionEnabledOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-instance-deletion-protection-enabled', compact({ databaseEngines: listed(options.databaseEngines) }), options);
  }

  /** `rds-automatic-minor-version-upgrade-enabled`: RDS DB instances take minor engine upgrades automatically. */
  public static rdsAutomaticMinorVersionUpgradeEnabled(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-automatic-minor-version-upgrade-enabled', {}, options);
  }

  /** `rds-enhanced-monitoring-enabled`: RDS DB instances have enhanced monitoring, optionally at a given interval. */
  public static rdsEnhancedMonitoringEnabled(options: RdsEnhancedMonitoringEnabledOptions = {}): ComplianceRule {
    const interval = options.monitoringInterval;
    if (interval !== undefined && !RDS_MONITORING_INTERVALS.includes(interval)) {
      throw new Error(`ComplianceRule.rdsEnhancedMonitoringEnabled: monitoringInterval ${interval} is not one of RDS's intervals: use ${RDS_MONITORING_INTERVALS.join(', ')} seconds.`);
    }
    return ComplianceRule.fromCatalog('rds-enhanced-monitoring-enabled', compact({ monitoringInterval: interval?.toString() }), options);
  }

  /** `rds-snapshots-public-prohibited`: RDS DB and cluster snapshots are not public. */
  public static rdsSnapshotsPublicProhibited(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-snapshots-public-prohibited', {}, options);
  }

  /** `rds-snapshot-encrypted`: RDS DB and cluster snapshots are encrypted. */
  public static rdsSnapshotEncrypted(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-snapshot-encrypted', {}, options);
  }

  /** `rds-instance-iam-authentication-enabled`: RDS DB instances accept IAM database authentication. */
  public static rdsInstanceIamAuthenticationEnabled(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('rds-instance-iam-authentication-enabled', {}, options);
  }

  /** `ec2-instance-no-public-ip`: EC2 instances have no public IPv4 address. */
  public static ec2InstanceNoPublicIp(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('ec2-instance-no-public-ip', {}, options);
  }

  /** `ec2-instance-profile-attached`: EC2 instances have an instance profile, optionally one of given ARNs. */
  public static ec2InstanceProfileAttached(options: Ec2InstanceProfileAttachedOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('ec2-instance-profile-attached', compact({ IamInstanceProfileArnList: listed(options.instanceProfileArns) }), options);
  }

  /** `vpc-default-security-group-closed`: every VPC's default security group has no inbound or outbound rule. */
  public static vpcDefaultSecurityGroupClosed(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('vpc-default-security-group-closed', {}, options);
  }

  /** `ec2-volume-inuse-check`: EBS volumes are attached, and optionally deleted with their instance. */
  public static ec2VolumeInuseCheck(options: Ec2VolumeInuseCheckOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('ec2-volume-inuse-check', compact({ deleteOnTermination: options.deleteOnTermination?.toString() }), options);
  }

  /** `subnet-auto-assign-public-ip-disabled`: subnets assign no public IPv4 or IPv6 address on launch. */
  public static subnetAutoAssignPublicIpDisabled(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('subnet-auto-assign-public-ip-disabled', {}, options);
  }

  /** `iam-user-no-policies-check`: IAM users have no policy of their own, managed or inline: permissions come through groups. */
  public static iamUserNoPoliciesCheck(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('iam-user-no-policies-check', {}, options);
  }

  /** `iam-policy-no-statements-with-admin-access`: no customer managed policy's default version allows "*" on "*". */
  public static iamPolicyNoStatementsWithAdminAccess(options: IamPolicyNoStatementsWithAdminAccessOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('iam-policy-no-statements-with-admin-access',
      compact({ excludePermissionBoundaryPolicy: options.excludePermissionBoundaryPolicy?.toString() }), options);
  }

  /** `iam-no-inline-policy-check`: IAM users, roles and groups have no inline policy. */
  public static iamNoInlinePolicyCheck(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('iam-no-inline-policy-check', {}, options);
  }

  /** `iam-user-group-membership-check`: IAM users belong to a group, optionally one of given ones. */
  public static iamUserGroupMembershipCheck(options: IamUserGroupMembershipCheckOptions = {}): ComplianceRule {
    if (options.groupNames?.some((name) => name.trim() === '' || name.includes(','))) {
      throw new Error('ComplianceRule.iamUserGroupMembershipCheck: groupNames must be group names, none empty or with a comma (the managed rule reads them comma-separated).');
    }
    return ComplianceRule.fromCatalog('iam-user-group-membership-check', compact({ groupNames: listed(options.groupNames) }), options);
  }

  /** `dynamodb-pitr-enabled`: DynamoDB tables have point-in-time recovery. */
  public static dynamodbPitrEnabled(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('dynamodb-pitr-enabled', {}, options);
  }

  /** `dynamodb-table-encrypted-kms`: DynamoDB tables are encrypted with AWS KMS, optionally with given keys. */
  public static dynamodbTableEncryptedKms(options: DynamodbTableEncryptedKmsOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('dynamodb-table-encrypted-kms', compact({ kmsKeyArns: listed(options.kmsKeyArns) }), options);
  }

  /** `lambda-function-public-access-prohibited`: Lambda functions' resource policies admit no one from anywhere. */
  public static lambdaFunctionPublicAccessProhibited(options: RuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('lambda-function-public-access-prohibited', {}, options);
  }

  /** `lambda-function-settings-check`: Lambda functions use the given runtimes, and the expected role, timeout and memory. */
  public static lambdaFunctionSettingsCheck(options: LambdaFunctionSettingsCheckOptions): ComplianceRule {
    if (options.runtimes.length === 0) {
      throw new Error('ComplianceRule.lambdaFunctionSettingsCheck: runtimes is empty: list the runtimes functions may use, e.g. ["nodejs22.x"].');
    }
    for (const [name, value, min, max] of [['timeout', options.timeout, 1, 900], ['memorySize', options.memorySize, 128, 10240]] as const) {
      if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
        throw new Error(`ComplianceRule.lambdaFunctionSettingsCheck: ${name} ${value} is outside Lambda's range: use a whole number from ${min} to ${max}.`);
      }
    }
    return ComplianceRule.fromCatalog('lambda-function-settings-check', compact({
      runtime: options.runtimes.join(','), role: options.role, timeout: options.timeout?.toString(), memorySize: options.memorySize?.toString(),
    }), options);
  }

  /** `sns-encrypted-kms`: SNS topics are encrypted with AWS KMS, optionally with given keys or aliases. */
  public static snsEncryptedKms(options: SnsEncryptedKmsOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('sns-encrypted-kms', compact({ kmsKeyIds: listed(options.kmsKeyIds) }), options);
  }

  /** `secretsmanager-rotation-enabled-check`: Secrets Manager secrets rotate, optionally at least this often. */
  public static secretsManagerRotationEnabledCheck(options: SecretsManagerRotationEnabledCheckOptions = {}): ComplianceRule {
    const maximums = {
      maximumAllowedRotationFrequency: options.maximumAllowedRotationFrequency,
      maximumAllowedRotationFrequencyInHours: options.maximumAllowedRotationFrequencyInHours,
    };
    for (const [name, value] of Object.entries(maximums)) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
        throw new Error(`ComplianceRule.secretsManagerRotationEnabledCheck: ${name} ${value} is not a whole number of at least 1.`);
      }
    }
    return ComplianceRule.fromCatalog('secretsmanager-rotation-enabled-check', compact({
      maximumAllowedRotationFrequency: maximums.maximumAllowedRotationFrequency?.toString(),
      maximumAllowedRotationFrequencyInHours: maximums.maximumAllowedRotationFrequencyInHours?.toString(),
    }), options);
  }

  /** `elb-logging-enabled`: Application and Classic Load Balancers deliver access logs, optionally to given buckets. */
  public static elbLoggingEnabled(options: ElbLoggingEnabledOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog('elb-logging-enabled', compact({ s3BucketNames: listed(options.s3BucketNames) }), options);
  }

  /**
   * Any other AWS managed rule, evaluated by AWS.
   *
   * @param identifier the managed rule identifier, e.g. `"IAM_ROOT_ACCESS_KEY_CHECK"` or aws-cdk-lib's `aws_config.ManagedRuleIdentifiers.IAM_ROOT_ACCESS_KEY_CHECK`
   */
  public static managed(identifier: string, options: ManagedRuleOptions): ComplianceRule {
    if (!/^[A-Z0-9_]+$/.test(identifier)) {
      throw new Error(`ComplianceRule.managed: identifier "${identifier}" is not a managed rule identifier; use upper case, digits and underscores, e.g. "IAM_ROOT_ACCESS_KEY_CHECK".`);
    }
    if (!options.allowUnlistedIdentifier && !isManagedRuleIdentifier(identifier)) {
      throw new Error(`ComplianceRule.managed: identifier "${identifier}" is not an AWS Config managed rule; did you mean "${closestManagedRuleIdentifier(identifier)}"? ` +
        'For a rule newer than this library, set allowUnlistedIdentifier: true.');
    }
    return new ComplianceRule({
      ruleName: validRuleName('ComplianceRule.managed', options.ruleName),
      controls: validControls(options.ruleName, options.controls),
      identifier,
      parameters: { ...options.parameters },
      resourceTypes: [...(options.resourceTypes ?? [])],
      trigger: options.trigger,
      severity: options.severity ?? Severity.MEDIUM,
      evaluator: Evaluator.MANAGED,
      exemptions: [...(options.exemptions ?? [])],
      autoRemediate: false,
    });
  }

  /** A rule evaluated by your own Lambda function. */
  public static custom(options: CustomRuleOptions): ComplianceRule {
    return new ComplianceRule({
      ruleName: validRuleName('ComplianceRule.custom', options.ruleName),
      controls: validControls(options.ruleName, options.controls),
      parameters: { ...options.parameters },
      resourceTypes: [...(options.resourceTypes ?? [])],
      trigger: options.trigger ?? RuleTrigger.configurationChanges(),
      severity: options.severity ?? Severity.MEDIUM,
      evaluator: Evaluator.CUSTOM,
      lambdaFunction: options.lambdaFunction,
      exemptions: [...(options.exemptions ?? [])],
      autoRemediate: false,
    });
  }

  /**
   * Any built-in rule by its name, with parameters under AWS's names: the form of the
   * CLI's `--rules` file.
   *
   * @param ruleName a built-in rule's name, e.g. `required-tags`
   */
  public static builtIn(ruleName: string, options: BuiltInRuleOptions = {}): ComplianceRule {
    return ComplianceRule.fromCatalog(ruleName, { ...options.parameters }, options);
  }

  private static fromCatalog(ruleName: string, parameters: Record<string, string>, options: RuleOptions): ComplianceRule {
    const evaluator = options.evaluator ?? Evaluator.MANAGED;
    if (evaluator === Evaluator.CUSTOM) {
      throw new Error(`rule "${ruleName}": evaluator CUSTOM is for ComplianceRule.custom; use MANAGED or ENGINE.`);
    }
    const problems = parameterProblems(ruleName, parameters, evaluator === Evaluator.ENGINE);
    if (problems.length > 0) {
      throw new Error(problems.join('; '));
    }
    const definition = RULE_CATALOG.get(ruleName) as RuleDefinition;
    const resourceTypes = options.resourceTypes ?? [...definition.resourceTypes];
    const outOfScope = resourceTypes.filter((type) => !definition.resourceTypes.includes(type));
    if (resourceTypes.length === 0 || outOfScope.length > 0) {
      throw new Error(`rule "${ruleName}": resourceTypes must be a non-empty subset of ${definition.resourceTypes.join(', ')}` +
        (outOfScope.length ? ` (${outOfScope.join(', ')} is not evaluated by ${definition.identifier})` : '') + '.');
    }
    if (options.autoRemediate && !REMEDIATION_FIXES.has(ruleName)) {
      throw new Error(`rule "${ruleName}": autoRemediate is only for the rules with a known fix (${[...REMEDIATION_FIXES.keys()].join(', ')}).`);
    }
    return new ComplianceRule({
      ruleName,
      controls: validControls(ruleName, options.controls),
      identifier: definition.identifier,
      parameters,
      resourceTypes,
      trigger: definition.periodic
        ? RuleTrigger.configurationChangesAndPeriodic(PERIODIC_FREQUENCY)
        : RuleTrigger.configurationChanges(),
      severity: options.severity ?? Severity[definition.defaultSeverity],
      evaluator,
      exemptions: [...(options.exemptions ?? [])],
      autoRemediate: options.autoRemediate ?? false,
    });
  }

  /** The rule's name in the set and in `ComplianceMonitor.configRules`; its Config rule is deployed as `{ruleName}-{environmentSuffix}`. */
  public readonly ruleName: string;
  /** The AWS managed rule identifier; undefined for a custom rule. */
  public readonly identifier?: string;
  /** Input parameters under AWS's names. */
  public readonly parameters: { [name: string]: string };
  /** Resource types in scope; empty for every type. */
  public readonly resourceTypes: string[];
  /** When Config evaluates the rule; undefined to keep a managed rule's own trigger. */
  public readonly trigger?: RuleTrigger;
  /** How serious a violation is. */
  public readonly severity: Severity;
  /** Who evaluates the rule. */
  public readonly evaluator: Evaluator;
  /** The function of a custom rule. */
  public readonly lambdaFunction?: lambda.IFunction;
  /** Violations that are accepted. */
  public readonly exemptions: Exemption[];
  /** Whether the remediator fixes new violations. */
  public readonly autoRemediate: boolean;
  /** The controls given with the rule's `controls` option, beside or instead of the frameworks' own mappings. */
  public readonly controls: RuleControls[];

  private constructor(spec: ComplianceRuleSpec) {
    this.ruleName = spec.ruleName;
    this.identifier = spec.identifier;
    this.parameters = spec.parameters;
    this.resourceTypes = spec.resourceTypes;
    this.trigger = spec.trigger;
    this.severity = spec.severity;
    this.evaluator = spec.evaluator;
    this.lambdaFunction = spec.lambdaFunction;
    this.exemptions = spec.exemptions;
    this.autoRemediate = spec.autoRemediate;
    this.controls = spec.controls;
  }

  /**
   * The rule's controls in a framework: the framework's own mapping of the rule (for a built-in
   * rule), with the controls given for it added, or in its place where given with `replace`.
   */
  public controlsIn(framework: Framework): string[] {
    const given = this.controls.find((entry) => entry.framework.id === framework.id);
    const own = given?.replace ? [] : framework.controlsOf(this.ruleName);
    return [...new Set([...own, ...(given?.controls ?? [])])];
  }
}

/**
 * An optional list as a parameter: comma-separated, and left out when empty, as when not given. An
 * empty string would be refused by the rule ("no authorized UDP ports" is the parameter's absence);
 * Python and Java users pass `[]` for "none" more often than they leave a keyword out.
 */
function listed(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

/** The entries whose value is defined. */
function compact(parameters: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The enhanced monitoring intervals RDS accepts, in seconds. */
const RDS_MONITORING_INTERVALS: readonly number[] = [1, 5, 10, 15, 30, 60];

/** A rule's `controls` option, checked: one entry per framework, each with distinct, non-blank control ids. */
function validControls(ruleName: string, controls: readonly RuleControls[] | undefined): RuleControls[] {
  const problems = (controls ?? []).flatMap((entry, index, all) => [
    ...(all.findIndex((other) => other.framework.id === entry.framework.id) !== index ? [`framework ${entry.framework.id} is given twice (give its controls in one entry)`] : []),
    ...controlProblems(entry.controls).map((problem) => `framework ${entry.framework.id}: ${problem}`),
  ]);
  if (problems.length > 0) {
    throw new Error(`rule "${ruleName}": controls: ${problems.join('; ')}.`);
  }
  return (controls ?? []).map((entry) => ({ ...entry, controls: [...entry.controls] }));
}

function validRuleName(factory: string, name: string): string {
  if (!RULE_NAME_PATTERN.test(name) || name.length > MAX_RULE_NAME_LENGTH) {
    throw new Error(`${factory}: ruleName "${name}" must be 1 to ${MAX_RULE_NAME_LENGTH} letters, digits, hyphens or underscores ` +
      '(the monitor appends "-{environmentSuffix}" within Config\'s 128 characters).');
  }
  if (RULE_CATALOG.has(name)) {
    throw new Error(`${factory}: ruleName "${name}" is a built-in rule's name; use its factory or another name.`);
  }
  return name;
}
