import { Annotations, aws_lambda as lambda, aws_s3 as s3, Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ComplianceMonitorProps, RetentionOptions } from './compliance-monitor-props';
import { ReportPeriod } from './events/report-period';
import { validateEnvironmentSuffix } from './naming';
import { RuleSet } from './rules';

/** Seven years, the retention auditors ask for (SOX, PCI DSS evidence), in days: the default of reports and findings. */
export const SEVEN_YEARS = Duration.days(2557);

/** One address, as SNS accepts it for an e-mail subscription: local part, @, a dotted domain. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateAlertEmails(alertEmails: readonly string[] | undefined): void {
  if (!alertEmails || alertEmails.length === 0) {
    throw new Error('alertEmails is empty: give at least one address to receive compliance alerts (for example ["secops@example.com"]).');
  }
  const seen = new Set<string>();
  for (const email of alertEmails) {
    if (!Token.isUnresolved(email) && !EMAIL_PATTERN.test(email)) {
      throw new Error(`alertEmails: "${email}" is not an e-mail address: use the form name@example.com.`);
    }
    // SNS would subscribe the same mailbox twice (mail domains ignore case, and so do mail servers in practice).
    const mailbox = email.toLowerCase();
    if (seen.has(mailbox)) {
      throw new Error(`alertEmails lists "${email}" twice: list each address once.`);
    }
    seen.add(mailbox);
  }
}

function validateRules(rules: RuleSet | undefined): void {
  if (rules && rules.rules.length === 0) {
    throw new Error('rules is an empty rule set: give at least one rule, e.g. RuleSet.recommended() or RuleSet.of(ComplianceRule.restrictedSsh()).');
  }
}

function validateFunctions(props: ComplianceMonitorProps): void {
  const runtime = props.functions?.runtime;
  if (runtime && runtime.family !== lambda.RuntimeFamily.NODEJS) {
    throw new Error(`functions.runtime is ${runtime.name}: the monitor's handlers are Node.js bundles; ` +
      'use a Node.js runtime, e.g. lambda.Runtime.NODEJS_24_X, or omit it for the default.');
  }
}

function validateRecorder(props: ComplianceMonitorProps): void {
  const recorder = props.recorder ?? {};
  if (recorder.useExisting) {
    const given = (['excludedResourceTypes', 'recordingFrequency', 'globalResourceTypesRegion'] as const).filter((option) => recorder[option] !== undefined);
    if (given.length > 0) {
      throw new Error(`recorder.${given[0]} applies only to a recorder the monitor creates: remove it, or remove recorder.useExisting.`);
    }
  }
  const region = recorder.globalResourceTypesRegion;
  if (region !== undefined && !Token.isUnresolved(region) && !REGION_PATTERN.test(region)) {
    throw new Error(`recorder.globalResourceTypesRegion "${region}" is not a region: give a region name such as us-east-1.`);
  }
}

/** An AWS region name: us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-5. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function days(duration: Duration): number | undefined {
  return Token.isUnresolved(duration) ? undefined : duration.toDays({ integral: false });
}

function validateRetention(props: ComplianceMonitorProps): void {
  const retention = props.retention ?? {};
  for (const option of ['reports', 'findings', 'archiveAfter'] as const) {
    const value = retention[option];
    if (value && (days(value) ?? 1) < 1) {
      throw new Error(`retention.${option} is ${value.toHumanString()}: use at least one day.`);
    }
  }
  const archiveAfter = retention.archiveAfter && days(retention.archiveAfter);
  const reports = retention.reports && days(retention.reports);
  if (archiveAfter !== undefined && reports !== undefined && archiveAfter >= reports) {
    throw new Error(`retention.archiveAfter (${archiveAfter} days) must be shorter than retention.reports (${reports} days): ` +
      'objects are archived before they expire.');
  }
  // The period run reads history from the first of the period's first month: rows that old must not have expired.
  const period = props.periodReportSchedule ?? ReportPeriod.QUARTERLY;
  const findings = retention.findings && days(retention.findings);
  if (findings !== undefined && findings <= period.longestDays) {
    throw new Error(`retention.findings (${findings} days) is too short for periodReportSchedule (a ${period.length.toLowerCase()} of up to ${period.longestDays} days): `
      + `the history would expire before the period report reads it. Keep findings at least ${period.longestDays + 1} days, or use ReportPeriod.MONTHLY.`);
  }
}

/** The longest default retention aws-cdk-lib's s3.ObjectLockRetention accepts: 100 years of 365 days. */
const MAX_OBJECT_LOCK_DAYS = 36500;

const OBJECT_LOCK_MODES: readonly string[] = Object.values(s3.ObjectLockMode);

function validateObjectLock(props: ComplianceMonitorProps): void {
  const retention = props.retention ?? {};
  const lock = retention.objectLock;
  if (!lock) {
    return;
  }
  if (!OBJECT_LOCK_MODES.includes(lock.mode)) {
    throw new Error(`retention.objectLock.mode is ${lock.mode}: use s3.ObjectLockMode.GOVERNANCE or s3.ObjectLockMode.COMPLIANCE.`);
  }
  if ((props.removalPolicy ?? RemovalPolicy.DESTROY) === RemovalPolicy.DESTROY) {
    throw new Error(`retention.objectLock conflicts with removalPolicy ${props.removalPolicy === undefined ? 'RemovalPolicy.DESTROY (the default)' : 'RemovalPolicy.DESTROY'}: ` +
      'S3 deletes no locked report version before its retention ends, so autoDeleteObjects cannot empty the reports bucket and the stack cannot delete it. ' +
      'Set removalPolicy: RemovalPolicy.RETAIN, or remove retention.objectLock.');
  }
  // The lock lasts retention.objectLock.retention, else as long as the reports (validated above).
  const reports = retention.reports ?? SEVEN_YEARS;
  const [option, value] = lock.retention ? ['retention.objectLock.retention', lock.retention] : ['retention.reports', reports];
  const lockDays = value.toDays({ integral: false });
  if (Token.isUnresolved(lockDays)) {
    throw new Error(`${option} is a token: S3 Object Lock's default retention is written into the template; give a literal Duration, e.g. Duration.days(2557).`);
  }
  if (lockDays < 1 || !Number.isInteger(lockDays)) {
    throw new Error(`${option} is ${value.toHumanString()}: S3 sets an Object Lock default retention in whole days; use a whole number of days, at least one.`);
  }
  const reportDays = days(reports);
  if (reportDays !== undefined && lockDays > reportDays) {
    throw new Error(`retention.objectLock.retention (${lockDays} days) must not be longer than retention.reports (${reportDays} days): ` +
      'the lifecycle expires reports after retention.reports, and a version still locked then stays stored and billed, hidden behind a delete marker, ' +
      'until its lock ends. Shorten retention.objectLock.retention, or raise retention.reports.');
  }
  if (lockDays > MAX_OBJECT_LOCK_DAYS) {
    throw new Error(`${option} is ${lockDays} days: an Object Lock default retention is at most ${MAX_OBJECT_LOCK_DAYS} days (100 years) in aws-cdk-lib; ` +
      `give retention.objectLock.retention of at most ${MAX_OBJECT_LOCK_DAYS} days.`);
  }
}

function validateThreshold(threshold: number | undefined): void {
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) {
    throw new Error(`complianceAlarmThreshold is ${threshold}: use a percentage from 0 to 100.`);
  }
}

function validateDigestThreshold(threshold: number | undefined): void {
  if (threshold !== undefined && !(Number.isInteger(threshold) && threshold >= 1)) {
    throw new Error(`alertDigestThreshold is ${threshold}: use a whole number of violations, at least 1.`);
  }
}

function validateNoticeDays(noticeDays: number | undefined): void {
  if (noticeDays !== undefined && !(Number.isInteger(noticeDays) && noticeDays >= 1 && noticeDays <= 365)) {
    throw new Error(`exemptionExpiryNoticeDays is ${noticeDays}: use a whole number of days from 1 to 365.`);
  }
}

/** Throws at synth time for props the monitor cannot deploy; the message names the prop and the fix. */
export function validateProps(props: ComplianceMonitorProps): void {
  validateEnvironmentSuffix(props.environmentSuffix);
  validateAlertEmails(props.alertEmails);
  validateRules(props.rules);
  validateFunctions(props);
  validateRecorder(props);
  validateRetention(props);
  validateObjectLock(props);
  validateThreshold(props.complianceAlarmThreshold);
  validateDigestThreshold(props.alertDigestThreshold);
  validateNoticeDays(props.exemptionExpiryNoticeDays);
}

/**
 * Warns at synth about exemptions whose last day has passed: they no longer exempt anything, which
 * is rarely what the person who wrote them still means.
 */
export function warnAboutExpiredExemptions(scope: IConstruct, rules: RuleSet, now: Date): void {
  for (const rule of rules.rules) {
    for (const exemption of rule.exemptions) {
      if (exemption.expiresAt !== undefined && new Date(exemption.expiresAt) <= now) {
        Annotations.of(scope).addWarningV2('cdk-compliance-monitor:exemptionExpired',
          `rules: the exemption of rule "${rule.ruleName}" (${exemption.reason}) expired on ${exemption.expires} and no longer applies: ` +
          'remove it, or set a later expires.');
      }
    }
  }
}

/**
 * Warns at synth that COMPLIANCE-mode Object Lock cannot be undone: until a report version's lock
 * ends, no one, the account's root user included, can delete it or shorten its lock, and the
 * bucket cannot be deleted while it holds one.
 */
export function warnAboutComplianceLock(scope: IConstruct, retention: RetentionOptions): void {
  if (retention.objectLock?.mode === s3.ObjectLockMode.COMPLIANCE) {
    Annotations.of(scope).addWarningV2('cdk-compliance-monitor:objectLockCompliance',
      'retention.objectLock: COMPLIANCE mode cannot be undone. Until a report version\'s retention ends, no one, the account\'s root user included, ' +
      'can delete it or shorten its retention, and the reports bucket cannot be deleted while it holds a locked version. ' +
      'Use s3.ObjectLockMode.GOVERNANCE until the retention is settled.');
  }
}
