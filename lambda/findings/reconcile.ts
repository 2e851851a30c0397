import { ComplianceChange } from './compliance-change';

/** A resource's current state for a rule, as the findings table holds it. */
export interface CurrentFinding {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly configRuleName: string;
  readonly complianceType: string;
  readonly annotation?: string;
  readonly recordedAt: string;
}

/** What a sweep must write so that the table agrees with Config. */
export interface Reconciliation {
  /** Config reports these differently from the table, or the table does not have them. */
  readonly changes: ComplianceChange[];
  /** The table has these as current; Config no longer reports them: they become resolved. */
  readonly resolved: CurrentFinding[];
}

function key(resourceType: string, resourceId: string): string {
  return `${resourceType}\u0000${resourceId}`;
}

/**
 * Compares one rule's current findings with what Config reports for it now. A result is a change
 * when its compliance differs from the current state, or when it is newer and the table missed it;
 * a current finding Config no longer reports is resolved.
 */
export function reconcile(current: readonly CurrentFinding[], reported: readonly ComplianceChange[]): Reconciliation {
  const currentByResource = new Map(current.map((finding) => [key(finding.resourceType, finding.resourceId), finding]));
  const changes: ComplianceChange[] = [];
  const seen = new Set<string>();
  for (const result of reported) {
    const resource = key(result.resourceType, result.resourceId);
    seen.add(resource);
    const finding = currentByResource.get(resource);
    if (!finding || (finding.complianceType !== result.newComplianceType && finding.recordedAt < result.recordedAt)) {
      changes.push({ ...result, oldComplianceType: finding?.complianceType });
    }
  }
  const resolved = current.filter((finding) => !seen.has(key(finding.resourceType, finding.resourceId)));
  return { changes, resolved };
}
