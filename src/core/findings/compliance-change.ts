import { asRecord, asString } from '../engine/values';
import type { AppliedExemption } from '../period/timeline';

/** A rule's verdict on a resource changed: what a "Config Rules Compliance Change" event reports. */
export interface ComplianceChange {
  /** The deployed rule name (`{rule}-{environmentSuffix}`). */
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  readonly newComplianceType: string;
  /** Absent for a resource's first evaluation. */
  readonly oldComplianceType?: string;
  readonly annotation?: string;
  /** When Config recorded the new result (ISO 8601): orders the changes of one resource and rule. */
  readonly recordedAt: string;
  /** Why the violation is accepted, when an exemption makes the result EXEMPT: its description, as reports show it. */
  readonly exemptionReason?: string;
  /** The exemption itself, field by field, for the period reports' register of exemptions. */
  readonly exemption?: AppliedExemption;
}

/** An event the analyzer cannot process; the message says what is missing, in one line. */
export class EventError extends Error {}

const COMPLIANCE_TYPES = new Set(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA']);

function required(record: Record<string, unknown> | undefined, field: string, where: string): string {
  const value = asString(record?.[field]);
  if (!value) {
    throw new EventError(`compliance change event: ${where}.${field} is missing`);
  }
  return value;
}

/**
 * The change an EventBridge "Config Rules Compliance Change" event carries. The resource type
 * comes from the evaluation's own qualifier, which Config fills for every rule.
 */
export function complianceChangeOf(event: unknown): ComplianceChange {
  const detail = asRecord(asRecord(event)?.detail);
  if (!detail) {
    throw new EventError('compliance change event: detail is missing');
  }
  const result = asRecord(detail.newEvaluationResult);
  const qualifier = asRecord(asRecord(result?.evaluationResultIdentifier)?.evaluationResultQualifier);
  const newComplianceType = required(result, 'complianceType', 'detail.newEvaluationResult');
  if (!COMPLIANCE_TYPES.has(newComplianceType)) {
    throw new EventError(`compliance change event: complianceType "${newComplianceType}" is not one of ${[...COMPLIANCE_TYPES].join(', ')}`);
  }
  const recordedAt = asString(result?.resultRecordedTime) ?? asString(detail.notificationCreationTime) ?? asString(asRecord(event)?.time);
  if (!recordedAt || Number.isNaN(Date.parse(recordedAt))) {
    throw new EventError('compliance change event: detail.newEvaluationResult.resultRecordedTime is missing or not a time');
  }
  return {
    configRuleName: asString(qualifier?.configRuleName) ?? required(detail, 'configRuleName', 'detail'),
    resourceType: asString(qualifier?.resourceType) ?? required(detail, 'resourceType', 'detail'),
    resourceId: asString(qualifier?.resourceId) ?? required(detail, 'resourceId', 'detail'),
    awsAccountId: required(detail, 'awsAccountId', 'detail'),
    awsRegion: required(detail, 'awsRegion', 'detail'),
    newComplianceType,
    oldComplianceType: asString(asRecord(detail.oldEvaluationResult)?.complianceType),
    annotation: asString(result?.annotation),
    recordedAt: new Date(recordedAt).toISOString(),
  };
}

/** A resource became NON_COMPLIANT with a rule: it was not before (or was not known). */
export function isNewViolation(oldComplianceType: string | undefined, newComplianceType: string): boolean {
  return newComplianceType === 'NON_COMPLIANT' && oldComplianceType !== 'NON_COMPLIANT';
}
