import { ReportedEvaluation } from './report';

/** A resource's verdict by one rule, as two reports compare it. */
export interface ReportedFinding {
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
}

/** What changed since the previous report. */
export interface ChangesSincePrevious {
  /** The previous report's time; undefined for the first report. */
  readonly previous_report_timestamp?: string;
  /** The previous report's compliance percentage: the trend's starting point. */
  readonly previous_compliance_percentage?: number;
  /** NON_COMPLIANT now, and not in the previous report. */
  readonly newly_non_compliant: ReportedFinding[];
  /** NON_COMPLIANT in the previous report, and not now. */
  readonly newly_fixed: ReportedFinding[];
}

function key(finding: ReportedFinding): string {
  return `${finding.configRuleName}\u0000${finding.resourceType}\u0000${finding.resourceId}`;
}

function nonCompliant(evaluations: readonly ReportedEvaluation[]): Map<string, ReportedFinding> {
  const findings = new Map<string, ReportedFinding>();
  for (const { configRuleName, resourceType, resourceId, complianceType } of evaluations) {
    if (complianceType === 'NON_COMPLIANT') {
      const finding = { configRuleName, resourceType, resourceId };
      findings.set(key(finding), finding);
    }
  }
  return findings;
}

/** The part of a previous report that the comparison reads. */
export interface PreviousReport {
  readonly report_timestamp: string;
  readonly summary?: { readonly compliance_percentage?: number };
  readonly evaluations: readonly ReportedEvaluation[];
}

/** The violations that appeared and disappeared between two reports' evaluations. */
export function changesSince(previous: PreviousReport | undefined, current: readonly ReportedEvaluation[]): ChangesSincePrevious {
  const before = nonCompliant(previous?.evaluations ?? []);
  const now = nonCompliant(current);
  return {
    previous_report_timestamp: previous?.report_timestamp,
    previous_compliance_percentage: previous?.summary?.compliance_percentage,
    newly_non_compliant: [...now].filter(([id]) => !before.has(id)).map(([, finding]) => finding),
    newly_fixed: [...before].filter(([id]) => !now.has(id)).map(([, finding]) => finding),
  };
}
