import { ComplianceChange } from './compliance-change';

/** How long violations last: kept on a resource's current state for a rule. */
export interface RemediationClock {
  /** When the current violation began; set only while the resource is NON_COMPLIANT. */
  readonly violatedSince?: string;
  /** When the resource's latest violation was fixed. */
  readonly remediatedAt?: string;
  /** How long that violation lasted, in seconds. */
  readonly timeToRemediateSeconds?: number;
}

/** A resource's current state for a rule, as the findings table holds it. */
export interface CurrentFinding extends RemediationClock {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly configRuleName: string;
  readonly complianceType: string;
  readonly annotation?: string;
  readonly exemptionReason?: string;
  /** The rule's severity when the finding was recorded. */
  readonly severity?: string;
  /** Where the resource is, as Config's event said. */
  readonly awsAccountId?: string;
  readonly awsRegion?: string;
  /** When Config recorded the result. */
  readonly recordedAt: string;
}

/**
 * The clock after a change: a violation starts it, a fix stops it and keeps how long it ran. An
 * exempt violation does not run it (the risk is accepted), nor does a resource Config stops reporting.
 */
export function nextClock(previous: CurrentFinding | undefined, change: ComplianceChange): RemediationClock {
  const latestFix = { remediatedAt: previous?.remediatedAt, timeToRemediateSeconds: previous?.timeToRemediateSeconds };
  const runningSince = previous?.complianceType === 'NON_COMPLIANT' ? previous.violatedSince : undefined;
  if (change.newComplianceType === 'NON_COMPLIANT') {
    return { ...latestFix, violatedSince: runningSince ?? change.recordedAt };
  }
  if (change.newComplianceType === 'COMPLIANT' && runningSince) {
    const seconds = Math.round((Date.parse(change.recordedAt) - Date.parse(runningSince)) / 1000);
    return { remediatedAt: change.recordedAt, timeToRemediateSeconds: Math.max(0, seconds) };
  }
  return latestFix;
}
