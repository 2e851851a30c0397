import { RemediationRequest } from './remediation-request';

/** What the remediator did with a request. */
export type RemediationOutcome =
  /** The fix was applied (APPLY mode). */
  | 'APPLIED'
  /** The fix would have been applied (DRY_RUN mode). */
  | 'WOULD_APPLY'
  /** Applying the fix failed; the error is the reason. */
  | 'FAILED'
  /** The fix would touch more than the rule: a person decides. */
  | 'NEEDS_A_PERSON'
  /** An exemption covers the resource: it was not touched. */
  | 'EXEMPT'
  /** The resource is gone or already right. */
  | 'NOTHING_TO_DO';

/** One remediation, as the findings table keeps it and the alert topic announces it. */
export interface RemediationAudit {
  readonly request: RemediationRequest;
  readonly mode: string;
  readonly outcome: RemediationOutcome;
  /** The changes made, or that would be made. */
  readonly actions: readonly string[];
  readonly reason?: string;
  /** When the remediator decided (ISO 8601). */
  readonly at: string;
}

/** Outcomes a person should hear about; the others are only recorded. */
export const ANNOUNCED_OUTCOMES: ReadonlySet<RemediationOutcome> = new Set(['APPLIED', 'WOULD_APPLY', 'FAILED', 'NEEDS_A_PERSON']);

/** The sort key of an audit row: beside the resource's findings, apart from their history and current state. */
export function remediationKey(audit: RemediationAudit): string {
  return `REMEDIATION#${audit.at}#${audit.request.configRuleName}`;
}
