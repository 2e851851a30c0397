import { ComplianceChange } from '../../src/core/findings/compliance-change';
import type { DeployedExemption } from '../../src/core/settings/deployed-rule';
import { RemediationAudit, RemediationOutcome } from '../remediation/remediation-audit';

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

/** Where a resource is: enough to link to it. */
export type ResourceLocation = Pick<ComplianceChange, 'resourceType' | 'resourceId' | 'awsRegion'>;

/** The AWS Config console page of a resource's compliance timeline. */
export function consoleLink(change: ResourceLocation): string {
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

/** An exemption about to end: from the day after its last day, its violations count, alert and are remediated again. */
export function exemptionExpiryNotice(configRuleName: string, exemption: DeployedExemption): AlertMessage {
  const covers = exemption.resourceIds ? `resources ${exemption.resourceIds.join(', ')}` : `resources tagged ${exemption.tag!.key}=${exemption.tag!.value}`;
  const lastDay = new Date(Date.parse(exemption.expiresAt!) - 1).toISOString().slice(0, 10);
  return {
    subject: fitSubject(`[EXEMPTION ENDS ${lastDay}] ${configRuleName}: ${exemption.reason}`),
    body: [
      `An exemption of ${configRuleName} ends after ${lastDay}: from ${exemption.expiresAt}, the violations it accepts count again,`,
      'and are alerted and remediated as any other. Extend it (a later expires), or fix what it covers.',
      '',
      `Rule:        ${configRuleName}`,
      `Covers:      ${covers}`,
      `Reason:      ${exemption.reason}`,
      `Approved by: ${exemption.approvedBy ?? '(not recorded)'}`,
      `Ticket:      ${exemption.ticket ?? '(not recorded)'}`,
    ].join('\n'),
  };
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

const REMEDIATION_HEADLINES: Readonly<Record<RemediationOutcome, string>> = {
  APPLIED: 'REMEDIATED',
  WOULD_APPLY: 'DRY RUN',
  FAILED: 'REMEDIATION FAILED',
  NEEDS_A_PERSON: 'FIX BY HAND',
  EXEMPT: 'EXEMPT',
  NOTHING_TO_DO: 'NOTHING TO DO',
};

/** What the remediator did, or would do, about a violation. */
export function remediationMessage(audit: RemediationAudit): AlertMessage {
  const { request } = audit;
  return {
    subject: fitSubject(`[${REMEDIATION_HEADLINES[audit.outcome]}] ${request.resourceType} ${request.resourceId} (${request.configRuleName})`),
    body: [
      `Remediation of ${request.resourceType} ${request.resourceId} for ${request.configRuleName}: ${audit.outcome} (mode ${audit.mode}).`,
      '',
      ...(audit.actions.length > 0 ? [audit.outcome === 'WOULD_APPLY' ? 'Would change:' : 'Changes:', ...audit.actions.map((action) => `  - ${action}`), ''] : []),
      ...(audit.reason ? [`Reason:     ${audit.reason}`] : []),
      `Violation:  ${request.annotation ?? '(no annotation)'}`,
      `Decided:    ${audit.at}`,
      `Request:    ${request.correlationId}`,
      '',
      `Console: ${consoleLink(request)}`,
    ].join('\n'),
  };
}
