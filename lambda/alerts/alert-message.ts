import { ComplianceChange } from '../findings/compliance-change';

/** An SNS message: subject and body. */
export interface AlertMessage {
  readonly subject: string;
  readonly body: string;
}

/** SNS refuses a subject longer than 100 characters (and e-mail shows no more). */
export const SUBJECT_MAX_LENGTH = 100;

function fitSubject(subject: string): string {
  const line = subject.replace(/\s+/g, ' ').trim();
  return line.length <= SUBJECT_MAX_LENGTH ? line : `${line.slice(0, SUBJECT_MAX_LENGTH - 1)}…`;
}

/** The AWS Config console page of a resource's compliance timeline. */
export function consoleLink(change: ComplianceChange): string {
  const region = encodeURIComponent(change.awsRegion);
  return `https://${region}.console.aws.amazon.com/config/home?region=${region}#/resources/details?` +
    `resourceId=${encodeURIComponent(change.resourceId)}&resourceType=${encodeURIComponent(change.resourceType)}`;
}

/** One new violation: what, where, why, how serious, and where to look. */
export function violationAlert(change: ComplianceChange, severity: string): AlertMessage {
  return {
    subject: fitSubject(`[${severity}] ${change.resourceType} ${change.resourceId} violates ${change.configRuleName}`),
    body: [
      `${change.resourceType} ${change.resourceId} is NON_COMPLIANT with ${change.configRuleName}.`,
      '',
      `Severity:   ${severity}`,
      `Rule:       ${change.configRuleName}`,
      `Resource:   ${change.resourceType} ${change.resourceId}`,
      `Account:    ${change.awsAccountId}, ${change.awsRegion}`,
      `Annotation: ${change.annotation ?? '(none)'}`,
      `Recorded:   ${change.recordedAt}`,
      '',
      `Console: ${consoleLink(change)}`,
    ].join('\n'),
  };
}

/** The messages for new violations: one each, or one digest when there are more than `digestThreshold`. */
export function alertsFor(violations: ReadonlyArray<{ change: ComplianceChange; severity: string }>, digestThreshold: number): AlertMessage[] {
  return violations.length > digestThreshold
    ? [digestAlert(violations)]
    : violations.map(({ change, severity }) => violationAlert(change, severity));
}

/** Many new violations found at once (by a sweep): one message that lists them, instead of a flood. */
export function digestAlert(violations: ReadonlyArray<{ change: ComplianceChange; severity: string }>): AlertMessage {
  const bySeverity = new Map<string, number>();
  for (const { severity } of violations) {
    bySeverity.set(severity, (bySeverity.get(severity) ?? 0) + 1);
  }
  const counts = [...bySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ');
  return {
    subject: fitSubject(`${violations.length} new compliance violations (${counts})`),
    body: [
      `The compliance sweep found ${violations.length} new violations (${counts}):`,
      '',
      ...violations.map(({ change, severity }) =>
        `[${severity}] ${change.configRuleName}: ${change.resourceType} ${change.resourceId}: ${change.annotation ?? '(no annotation)'}\n  ${consoleLink(change)}`),
    ].join('\n'),
  };
}
