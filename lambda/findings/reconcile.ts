import { ComplianceChange } from '../../src/core/findings/compliance-change';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import { EXEMPT } from '../exemptions/exemptions';

export type { CurrentFinding };

/** A change a sweep found, with the state it replaces. */
export interface ReconciledChange {
  readonly change: ComplianceChange;
  /** Undefined when the table did not have the resource for the rule. */
  readonly previous?: CurrentFinding;
}

/** What a sweep must write so that the table agrees with Config. */
export interface Reconciliation {
  /** Config reports these differently from the table, or the table does not have them. */
  readonly changes: ReconciledChange[];
  /** The table has these as current; Config no longer reports them: they become resolved. */
  readonly resolved: CurrentFinding[];
}

function key(resourceType: string, resourceId: string): string {
  return `${resourceType}\u0000${resourceId}`;
}

/** The same violation, with an exemption that has come into force or lapsed: no newer result from Config. */
function exemptionChanged(before: string, after: string): boolean {
  return (before === EXEMPT && after === 'NON_COMPLIANT') || (before === 'NON_COMPLIANT' && after === EXEMPT);
}

/**
 * Compares one rule's current findings with what Config reports for it now (exemptions applied). A
 * result is a change when the table does not have it, or when its compliance differs from the
 * current state and it is newer (an older result lost the race to an event). A result whose only
 * difference is an exemption is a change recorded at `now`; a current finding Config no longer
 * reports is resolved.
 */
export function reconcile(current: readonly CurrentFinding[], reported: readonly ComplianceChange[], now: Date): Reconciliation {
  const currentByResource = new Map(current.map((finding) => [key(finding.resourceType, finding.resourceId), finding]));
  const changes: ReconciledChange[] = [];
  const seen = new Set<string>();
  for (const result of reported) {
    const resource = key(result.resourceType, result.resourceId);
    seen.add(resource);
    const previous = currentByResource.get(resource);
    if (!previous) {
      changes.push({ change: result });
    } else if (previous.complianceType !== result.newComplianceType) {
      const change = { ...result, oldComplianceType: previous.complianceType };
      if (previous.recordedAt < result.recordedAt) {
        changes.push({ change, previous });
      } else if (exemptionChanged(previous.complianceType, result.newComplianceType)) {
        changes.push({ change: { ...change, recordedAt: now.toISOString() }, previous });
      }
    }
  }
  const resolved = current.filter((finding) => !seen.has(key(finding.resourceType, finding.resourceId)));
  return { changes, resolved };
}
