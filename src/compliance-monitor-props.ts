import { aws_events as events, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_s3 as s3, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RemediationMode } from './core/remediation-mode';
import { ReportPeriod } from './events/report-period';
import { Framework, RuleSet, Severity } from './rules';

/**
 * S3 Object Lock on the reports bucket: every report version S3 stores is locked (write once, read
 * many) from the moment it is written, for a default retention that S3 applies itself.
 */
export interface ObjectLockOptions {
  /**
   * What a lock forbids until it ends. `s3.ObjectLockMode.GOVERNANCE`: a principal with
   * `s3:BypassGovernanceRetention` can still delete a locked version or shorten its lock, asking to
   * bypass it. `s3.ObjectLockMode.COMPLIANCE`: no one can, the account's root user included (the
   * monitor warns at synth), so use GOVERNANCE until the retention is settled.
   */
  readonly mode: s3.ObjectLockMode;
  /**
   * How long each report version stays locked after it is written: whole days, at least one, and no
   * longer than `retention.reports`, after which the reports expire.
   * @default - `retention.reports`
   */
  readonly retention?: Duration;
}

/** How long the monitor keeps what it produces. */
export interface RetentionOptions {
  /**
   * How long reports and Config deliveries are kept in S3 before they expire.
   * @default Duration.days(2557) (7 years)
   */
  readonly reports?: Duration;
  /**
   * How long a finding stays in the findings table (DynamoDB TTL on `expiresAt`).
   * @default Duration.days(2557) (7 years)
   */
  readonly findings?: Duration;
  /**
   * Retention of the functions' log groups.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logs?: logs.RetentionDays;
  /**
   * Age after which reports and deliveries move to Glacier Instant Retrieval.
   * @default Duration.days(90)
   */
  readonly archiveAfter?: Duration;
  /**
   * S3 Object Lock on the reports bucket, so that no report can be altered or deleted before its
   * retention ends. Takes `removalPolicy: RemovalPolicy.RETAIN`: a locked bucket cannot be emptied and
   * deleted with the stack. Once on, S3 cannot turn Object Lock off for the bucket.
   * @default - no Object Lock
   */
  readonly objectLock?: ObjectLockOptions;
}

/** How often the recorder records a change. */
export enum RecordingFrequency {
  /** Every change, as it happens. */
  CONTINUOUS = 'CONTINUOUS',
  /** At most one configuration item per resource per day: cheaper for resources that change often. */
  DAILY = 'DAILY',
}

/** The AWS Config recorder the rules need (AWS allows one per account and region). */
export interface RecorderOptions {
  /**
   * Use the account's existing recorder and delivery channel instead of creating them, as in AWS
   * Control Tower accounts, which already have one. The other options then do not apply.
   * @default false
   */
  readonly useExisting?: boolean;
  /**
   * Record every supported resource type except these, instead of only the rule set's types.
   * CloudWatch Logs types are never recorded.
   * @default - record only the resource types of the rule set
   */
  readonly excludedResourceTypes?: string[];
  /**
   * How often a change is recorded.
   * @default RecordingFrequency.CONTINUOUS
   */
  readonly recordingFrequency?: RecordingFrequency;
  /**
   * The one region whose recorder records IAM's global resource types (users, groups, roles,
   * policies): they are the same in every region, so recording them everywhere would record each
   * change once per region. Monitors in other regions leave them out, and their IAM rules evaluate
   * nothing. A region, such as `eu-west-1`.
   * @default 'us-east-1'
   */
  readonly globalResourceTypesRegion?: string;
}

/** Overrides of the monitor's Lambda functions. */
export interface FunctionOptions {
  /**
   * Runtime of every function. The bundles target Node.js 24; an older runtime may lack what they use.
   * @default lambda.Runtime.NODEJS_24_X
   */
  readonly runtime?: lambda.Runtime;
  /**
   * Processor architecture of every function.
   * @default lambda.Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;
  /**
   * Memory of every function, in MB.
   * @default 256
   */
  readonly memorySize?: number;
}

/** Properties of a {@link ComplianceMonitor}. */
export interface ComplianceMonitorProps {
  /**
   * Suffix of every resource name, so several monitors (dev, staging, prod) can share an account:
   * all but one of them then take `recorder.useExisting`, since AWS allows one recorder per account and region.
   *
   * Lowercase letters, digits and inner hyphens, at most 15 characters: the longest that keeps
   * `compliance-reports-{suffix}-{account}-{region}` within S3's 63-character bucket name limit
   * in every region (the longest, `us-isof-south-1`, has 15 characters). Not a token: names are checked at synth.
   */
  readonly environmentSuffix: string;
  /** Who receives compliance alerts: at least one e-mail address, each confirmed through SNS. */
  readonly alertEmails: string[];
  /**
   * The rules the monitor deploys and evaluates.
   * @default RuleSet.recommended()
   */
  readonly rules?: RuleSet;
  /**
   * The frameworks whose controls the reports show, each control with its status, its rules and
   * their resources: built-in ones (`Framework.SOC2`, ...) and `Framework.custom` catalogues. Every
   * framework a rule's `controls` option names must be listed.
   * @default Framework.builtInFrameworks(): SOC 2, PCI DSS 4.0.1, NIST SP 800-53 rev. 5, CIS AWS Foundations and AWS FSBP
   */
  readonly frameworks?: Framework[];
  /**
   * Retention of reports, findings and logs.
   * @default - see each option of RetentionOptions
   */
  readonly retention?: RetentionOptions;
  /**
   * The AWS Config recorder.
   * @default - a new recorder of the rule set's resource types, recording continuously
   */
  readonly recorder?: RecorderOptions;
  /**
   * When the analyzer sweeps every rule's compliance, so that a missed event is caught up.
   * @default events.Schedule.rate(Duration.hours(6))
   */
  readonly scanSchedule?: events.Schedule;
  /**
   * When the aggregator writes a report.
   * @default events.Schedule.rate(Duration.days(1))
   */
  readonly reportSchedule?: events.Schedule;
  /**
   * How often the aggregator writes a period report: for the last whole calendar month or quarter,
   * each resource's time-weighted compliance by rule and control, its violations opened, remediated
   * and still open, times to remediate, and the exemptions that applied. `retention.findings` must
   * keep the history longer than the period.
   * @default ReportPeriod.QUARTERLY
   */
  readonly periodReportSchedule?: ReportPeriod;
  /**
   * Compliance percentage below which the compliance alarm goes off (0 to 100).
   * @default 90
   */
  readonly complianceAlarmThreshold?: number;
  /**
   * Lowest severity whose new violations are alerted, one message each.
   * @default Severity.HIGH
   */
  readonly alertSeverity?: Severity;
  /**
   * A sweep that finds more new alerted violations than this sends one digest message instead of one each.
   * @default 10
   */
  readonly alertDigestThreshold?: number;
  /**
   * How many days before an exemption ends the sweep sends one notice of it to the alert topic
   * (its rule, what it covers, reason, approver and ticket), so that it is extended or its
   * violations fixed before they alert again. A whole number of days, 1 to 365.
   * @default 14
   */
  readonly exemptionExpiryNoticeDays?: number;
  /**
   * What the remediator does with new violations of the rules that opt in (`autoRemediate`).
   * @default RemediationMode.DRY_RUN
   */
  readonly remediation?: RemediationMode;
  /**
   * Tags for every taggable resource, in addition to Environment, Project, ManagedBy and Purpose.
   * @default - the default tags only
   */
  readonly tags?: { [key: string]: string };
  /**
   * What happens to the stored data (buckets, table, key, logs) when the monitor is deleted.
   * `RemovalPolicy.RETAIN` keeps the audit trail for production; `DESTROY` empties the buckets first.
   * `retention.objectLock` takes `RETAIN`.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * An existing KMS key for every encrypted resource; its key policy must grant the services listed
   * in the README. Without it, the monitor creates a key with rotation on.
   * @default - a new key
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Overrides of the Lambda functions' runtime, architecture and memory.
   * @default - nodejs24.x, arm64, 256 MB
   */
  readonly functions?: FunctionOptions;
}
