import {
  aws_cloudwatch as cloudwatch, aws_config as config, aws_dynamodb as dynamodb, aws_events as events, aws_iam as iam,
  aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_s3 as s3, aws_sns as sns, aws_sqs as sqs,
  CfnOutput, cx_api as cxapi, Duration, RemovalPolicy, Tags,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createAlertTopic } from './alerting/alert-topic';
import { ComplianceMonitorProps } from './compliance-monitor-props';
import { assertNoOtherRecorder, createAccountAggregator, createConfigRecorder } from './config/recorder';
import { createConfigRules, deployedRuleName } from './config/rules';
import { RemediationMode } from './core/remediation-mode';
import { AGGREGATOR_SETTINGS, ANALYZER_SETTINGS, REMEDIATOR_SETTINGS } from './core/settings/handler-settings';
import { ReportPeriod } from './events/report-period';
import { createMonitorEvents } from './events/schedules';
import { ComplianceFunction, createComplianceFunction } from './functions/compliance-function';
import { toDeployedRules } from './functions/deployed-rules';
import { grantAggregator, grantAnalyzer, grantRemediator } from './functions/permissions';
import { acknowledgeFindings } from './nag-acknowledgements';
import { bucketName, resourceName } from './naming';
import { createMonitorAlarms } from './observability/alarms';
import { createMonitorDashboard } from './observability/dashboard';
import { Framework, RuleSet, Severity } from './rules';
import { frameworksSetting } from './rules/frameworks-setting';
import { createEncryptionKey, grantServicesUseOfKey } from './security/encryption-key';
import { createFindingsTable } from './storage/findings-table';
import { createAccessLogsBucket, createSecureBucket } from './storage/secure-bucket';
import { SEVEN_YEARS, validateProps, warnAboutComplianceLock, warnAboutExpiredExemptions } from './validation';

/**
 * Continuous compliance monitoring for an AWS account and region: AWS Config (recorder, delivery,
 * rules, aggregator), analyzer, aggregator and remediator functions, a findings table, reports,
 * alerts, a dashboard and alarms.
 *
 * @example
 * new ComplianceMonitor(this, 'Compliance', {
 *   environmentSuffix: 'prod',
 *   alertEmails: ['secops@example.com'],
 * });
 */
export class ComplianceMonitor extends Construct {
  /** The rules deployed, one Config rule each. */
  public readonly ruleSet: RuleSet;
  /** Encrypts every table, bucket, topic, queue and log group of the monitor. */
  public readonly encryptionKey: kms.IKey;
  /** Where S3 writes the server access logs of the other buckets (S3-managed encryption, as S3 requires). */
  public readonly accessLogsBucket: s3.Bucket;
  /** Where AWS Config delivers snapshots and history; undefined with `recorder.useExisting`, whose channel delivers elsewhere. */
  public readonly configBucket?: s3.Bucket;
  /** Where the aggregator writes the JSON and HTML reports. */
  public readonly reportsBucket: s3.Bucket;
  /** Findings history and current state. */
  public readonly findingsTable: dynamodb.Table;
  /** Compliance alerts, to the alert e-mails. */
  public readonly alertTopic: sns.Topic;
  /** E-mail notifications SNS could not deliver. */
  public readonly alertDeadLetterQueue: sqs.Queue;
  /** Evaluates Config rules and records compliance changes. */
  public readonly analyzerFunction: lambda.Function;
  /** Builds the compliance reports. */
  public readonly aggregatorFunction: lambda.Function;
  /** Fixes violations of the rules that opt in to remediation. */
  public readonly remediatorFunction: lambda.Function;
  /** Each function's log group, by function name purpose (`analyzer`, `aggregator`, `remediator`). */
  public readonly logGroups: { [purpose: string]: logs.LogGroup };
  /** Each function's dead-letter queue, by purpose. */
  public readonly functionDeadLetterQueues: { [purpose: string]: sqs.Queue };
  /** The recorder the monitor created; undefined with `recorder.useExisting`. */
  public readonly configRecorder?: config.CfnConfigurationRecorder;
  /** The recorder's role; undefined with `recorder.useExisting`. */
  public readonly configRecorderRole?: iam.Role;
  /** The delivery channel the monitor created; undefined with `recorder.useExisting`. */
  public readonly deliveryChannel?: config.CfnDeliveryChannel;
  /**
   * The Config rules, by rule name (without the suffix), as aws-cdk's `aws_config.IRule`: hook their
   * events with `onComplianceChange`, `onReCompliance` or `onEvent`.
   */
  public readonly configRules: { [ruleName: string]: config.IRule };
  /** The Config rules' CloudFormation resources, by rule name: the escape hatch for their properties. */
  public readonly cfnConfigRules: { [ruleName: string]: config.CfnConfigRule };
  /** This account's compliance across regions. */
  public readonly configAggregator: config.CfnConfigurationAggregator;
  /** The sweep schedule of the analyzer. */
  public readonly scanRule: events.Rule;
  /** Compliance changes of the set's rules, to the analyzer. */
  public readonly complianceChangeRule: events.Rule;
  /** The report schedule of the aggregator. */
  public readonly reportRule: events.Rule;
  /** The schedule of the period reports (`periodReportSchedule`), which invokes the aggregator. */
  public readonly periodReportRule: events.Rule;
  /** Compliance, findings by rule, functions and dead-letter queues. */
  public readonly dashboard: cloudwatch.Dashboard;
  /** Function errors, dead-lettered messages and low compliance, each notifying the alert topic. */
  public readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ComplianceMonitorProps) {
    super(scope, id);
    // Access logs are delivered under a bucket policy, as AWS recommends, not through ACLs (which the
    // buckets disable); set here so that it holds whatever flags the app sets.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    validateProps(props);
    const suffix = props.environmentSuffix;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const retention = props.retention ?? {};
    const reportRetention = retention.reports ?? SEVEN_YEARS;
    const archiveAfter = retention.archiveAfter ?? Duration.days(90);
    const complianceThreshold = props.complianceAlarmThreshold ?? 90;
    this.ruleSet = props.rules ?? RuleSet.recommended();
    warnAboutExpiredExemptions(this, this.ruleSet, new Date());
    warnAboutComplianceLock(this, retention);

    this.encryptionKey = props.encryptionKey ?? createEncryptionKey(this, 'Key', { environmentSuffix: suffix, removalPolicy });
    grantServicesUseOfKey(this.encryptionKey, suffix);

    this.accessLogsBucket = createAccessLogsBucket(this, 'AccessLogsBucket', {
      bucketName: bucketName('logs', suffix), expireAfter: reportRetention, removalPolicy,
    });
    const auditBucket = {
      encryptionKey: this.encryptionKey, serverAccessLogsBucket: this.accessLogsBucket, archiveAfter, expireAfter: reportRetention, removalPolicy,
    };
    this.reportsBucket = createSecureBucket(this, 'ReportsBucket', {
      bucketName: bucketName('reports', suffix), ...auditBucket, objectLock: retention.objectLock,
    });
    this.findingsTable = createFindingsTable(this, 'FindingsTable', {
      tableName: resourceName('findings', suffix), encryptionKey: this.encryptionKey, removalPolicy,
    });
    const alerting = createAlertTopic(this, 'AlertTopic', { environmentSuffix: suffix, encryptionKey: this.encryptionKey, alertEmails: props.alertEmails });
    this.alertTopic = alerting.topic;
    this.alertDeadLetterQueue = alerting.deadLetterQueue;

    const deployedRuleNames = this.ruleSet.rules.map((rule) => deployedRuleName(rule, suffix));
    const remediationMode = props.remediation ?? RemediationMode.DRY_RUN;
    // The analyzer and the remediator both apply the rules' exemptions and record findings.
    const rulesAndAlerts = {
      findingsTable: this.findingsTable.tableName,
      findingsTtlDays: (retention.findings ?? SEVEN_YEARS).toDays(),
      alertTopicArn: this.alertTopic.topicArn,
      rules: toDeployedRules(this.ruleSet, suffix),
    };
    const functionProps = {
      environmentSuffix: suffix,
      encryptionKey: this.encryptionKey,
      logRetention: retention.logs ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy,
      overrides: props.functions ?? {},
    };
    const remediator = createComplianceFunction(this, 'Remediator', {
      ...functionProps,
      handler: 'remediator',
      timeout: Duration.minutes(1),
      environment: REMEDIATOR_SETTINGS.encode({ ...rulesAndAlerts, remediationMode }),
    });
    const analyzer = createComplianceFunction(this, 'Analyzer', {
      ...functionProps,
      handler: 'analyzer',
      timeout: Duration.minutes(5),
      environment: ANALYZER_SETTINGS.encode({
        ...rulesAndAlerts,
        environmentSuffix: suffix,
        remediatorFunction: remediator.function.functionName,
        alertSeverity: props.alertSeverity ?? Severity.HIGH,
        alertDigestThreshold: props.alertDigestThreshold ?? 10,
        exemptionNoticeDays: props.exemptionExpiryNoticeDays ?? 14,
      }),
    });
    const aggregator = createComplianceFunction(this, 'Aggregator', {
      ...functionProps,
      handler: 'aggregator',
      timeout: Duration.minutes(5),
      environment: AGGREGATOR_SETTINGS.encode({
        findingsTable: this.findingsTable.tableName,
        reportsBucket: this.reportsBucket.bucketName,
        configRuleNames: deployedRuleNames,
        environmentSuffix: suffix,
        frameworks: frameworksSetting(props.frameworks ?? Framework.builtInFrameworks(), this.ruleSet),
      }),
    });
    this.analyzerFunction = analyzer.function;
    this.aggregatorFunction = aggregator.function;
    this.remediatorFunction = remediator.function;
    const functions: Record<string, ComplianceFunction> = { analyzer, aggregator, remediator };
    this.logGroups = Object.fromEntries(Object.entries(functions).map(([purpose, fn]) => [purpose, fn.logGroup]));
    this.functionDeadLetterQueues = Object.fromEntries(Object.entries(functions).map(([purpose, fn]) => [purpose, fn.deadLetterQueue]));

    if (!props.recorder?.useExisting) {
      assertNoOtherRecorder(this);
      this.configBucket = createSecureBucket(this, 'ConfigBucket', { bucketName: bucketName('config', suffix), ...auditBucket });
      const recorder = createConfigRecorder(this, {
        environmentSuffix: suffix,
        options: props.recorder ?? {},
        ruleSet: this.ruleSet,
        deliveryBucket: this.configBucket,
        encryptionKey: this.encryptionKey,
      });
      this.configRecorder = recorder.recorder;
      this.configRecorderRole = recorder.role;
      this.deliveryChannel = recorder.deliveryChannel;
    }
    const rules = createConfigRules(this, {
      ruleSet: this.ruleSet,
      environmentSuffix: suffix,
      analyzer: this.analyzerFunction,
      dependencies: this.configRecorder ? [this.configRecorder] : [],
    });
    this.cfnConfigRules = Object.fromEntries(rules);
    // The rules stay CfnConfigRule: aws-cdk's CustomRule would attach AWSConfigRulesExecutionRole to the
    // analyzer's role (broader than its grants) and re-create the rules under new logical ids. A
    // reference by name gives users the same IRule events without either.
    this.configRules = Object.fromEntries([...rules].map(([ruleName, cfnRule]) =>
      [ruleName, config.ManagedRule.fromConfigRuleName(this, `RuleEvents-${ruleName}`, cfnRule.ref)]));
    this.configAggregator = createAccountAggregator(this, suffix);

    grantAnalyzer(this, analyzer.role, {
      findingsTable: this.findingsTable,
      alertTopic: this.alertTopic,
      configRules: [...rules.values()],
      remediator: this.remediatorFunction,
      ruleSet: this.ruleSet,
    });
    grantAggregator(aggregator.role, this.findingsTable, this.reportsBucket, this.encryptionKey);
    grantRemediator(remediator.role, {
      findingsTable: this.findingsTable, alertTopic: this.alertTopic, mode: remediationMode, ruleSet: this.ruleSet,
    });

    const monitorEvents = createMonitorEvents(this, {
      environmentSuffix: suffix,
      scanSchedule: props.scanSchedule ?? events.Schedule.rate(Duration.hours(6)),
      reportSchedule: props.reportSchedule ?? events.Schedule.rate(Duration.days(1)),
      periodReport: props.periodReportSchedule ?? ReportPeriod.QUARTERLY,
      configRuleNames: deployedRuleNames,
      analyzer: this.analyzerFunction,
      analyzerDeadLetterQueue: analyzer.deadLetterQueue,
      aggregator: this.aggregatorFunction,
      aggregatorDeadLetterQueue: aggregator.deadLetterQueue,
    });
    this.scanRule = monitorEvents.scanRule;
    this.complianceChangeRule = monitorEvents.complianceChangeRule;
    this.reportRule = monitorEvents.reportRule;
    this.periodReportRule = monitorEvents.periodReportRule;

    const functionsByPurpose = new Map(Object.entries(functions).map(([purpose, fn]) => [purpose, fn.function as lambda.IFunction]));
    const deadLetterQueues = new Map<string, sqs.IQueue>([
      ...Object.entries(functions).map(([purpose, fn]): [string, sqs.IQueue] => [`${purpose}-dlq`, fn.deadLetterQueue]),
      ['alerts-dlq', this.alertDeadLetterQueue],
    ]);
    this.dashboard = createMonitorDashboard(this, {
      environmentSuffix: suffix, deployedRuleNames, functions: functionsByPurpose, deadLetterQueues, complianceThreshold,
    });
    this.alarms = createMonitorAlarms(this, {
      environmentSuffix: suffix, functions: functionsByPurpose, deadLetterQueues, complianceThreshold, alertTopic: this.alertTopic,
    });

    this.addOutputs();
    this.addTags(suffix, props.tags ?? {});
    acknowledgeFindings(this);
  }

  private addOutputs(): void {
    const outputs: Record<string, string | undefined> = {
      FindingsTableName: this.findingsTable.tableName,
      ConfigBucketName: this.configBucket?.bucketName,
      ReportsBucketName: this.reportsBucket.bucketName,
      AlertTopicArn: this.alertTopic.topicArn,
      AnalyzerFunctionName: this.analyzerFunction.functionName,
      AggregatorFunctionName: this.aggregatorFunction.functionName,
      RemediatorFunctionName: this.remediatorFunction.functionName,
      DashboardName: this.dashboard.dashboardName,
      // With `recorder.useExisting` the account's recorder and bucket are not the monitor's to name.
      ConfigRecorderName: this.configRecorder?.ref,
    };
    for (const [id, value] of Object.entries(outputs)) {
      if (value !== undefined) {
        new CfnOutput(this, id, { value });
      }
    }
  }

  private addTags(environmentSuffix: string, tags: Record<string, string>): void {
    const defaults = {
      Environment: environmentSuffix,
      Project: 'compliance-monitor',
      ManagedBy: 'cdk-compliance-monitor',
      Purpose: 'compliance-monitoring',
    };
    for (const [key, value] of Object.entries({ ...defaults, ...tags })) {
      Tags.of(this).add(key, value);
    }
  }
}
