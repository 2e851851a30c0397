import type { ChangesSincePrevious } from './changes-since';
import type { TimeToRemediate } from './time-to-remediate';
import { Evaluation } from '../engine/types';

/**
 * An evaluation as reports count it: the engine's verdicts, EXEMPT for an accepted violation, and
 * INSUFFICIENT_DATA where Config has no verdict yet.
 */
export interface ReportedEvaluation extends Omit<Evaluation, 'complianceType'> {
  readonly complianceType: Evaluation['complianceType'] | 'EXEMPT' | 'INSUFFICIENT_DATA';
  /** The rule's severity, where the reporter knows it. */
  readonly severity?: string;
}

/** Counts of one group of evaluations (a rule, a resource type). */
export interface ComplianceCounts {
  total: number;
  compliant: number;
  non_compliant: number;
}

/** The report summary; keys as the first report format wrote them, so existing consumers keep working. */
export interface ReportSummary {
  /** Distinct resources with at least one evaluation. */
  readonly total_resources: number;
  /** COMPLIANT plus NON_COMPLIANT evaluations. */
  readonly total_evaluations: number;
  readonly compliant: number;
  readonly non_compliant: number;
  /** In-scope evaluations that did not apply (deleted resources, unattached volumes...) or have no verdict yet. */
  readonly not_applicable: number;
  /** Violations an exemption accepts: counted apart, in neither compliant nor non_compliant. */
  readonly exempt: number;
  /** compliant / total_evaluations, one decimal; 100 when nothing applies. */
  readonly compliance_percentage: number;
}

/** The compliance report (README, Reports), and what the deployed aggregator adds to it. */
export interface ComplianceReport {
  readonly report_timestamp: string;
  readonly summary: ReportSummary;
  readonly by_resource_type: Record<string, ComplianceCounts>;
  readonly by_rule: Record<string, ComplianceCounts>;
  readonly evaluations: readonly ReportedEvaluation[];
  /** What changed since the previous report (the aggregator's reports). */
  readonly changes_since_previous?: ChangesSincePrevious;
  /** Mean time to remediate per rule (the aggregator's reports). */
  readonly mean_time_to_remediate?: Record<string, TimeToRemediate>;
}

function count(groups: Record<string, ComplianceCounts>, key: string, compliant: boolean): void {
  const counts = groups[key] ?? (groups[key] = { total: 0, compliant: 0, non_compliant: 0 });
  counts.total++;
  if (compliant) {
    counts.compliant++;
  } else {
    counts.non_compliant++;
  }
}

export function compliancePercentage(compliant: number, total: number): number {
  return total === 0 ? 100 : Math.round((compliant / total) * 1000) / 10;
}

/** The report of a set of evaluations, taken at `timestamp`. */
export function buildReport(evaluations: readonly ReportedEvaluation[], timestamp: Date): ComplianceReport {
  const resources = new Set<string>();
  const byResourceType: Record<string, ComplianceCounts> = {};
  const byRule: Record<string, ComplianceCounts> = {};
  let compliant = 0;
  let nonCompliant = 0;
  let exempt = 0;
  for (const evaluation of evaluations) {
    resources.add(`${evaluation.resourceType}\u0000${evaluation.resourceId}`);
    if (evaluation.complianceType === 'EXEMPT') {
      exempt++;
    }
    if (evaluation.complianceType !== 'COMPLIANT' && evaluation.complianceType !== 'NON_COMPLIANT') {
      continue;
    }
    const isCompliant = evaluation.complianceType === 'COMPLIANT';
    if (isCompliant) {
      compliant++;
    } else {
      nonCompliant++;
    }
    count(byResourceType, evaluation.resourceType, isCompliant);
    count(byRule, evaluation.configRuleName, isCompliant);
  }
  return {
    report_timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    summary: {
      total_resources: resources.size,
      total_evaluations: compliant + nonCompliant,
      compliant,
      non_compliant: nonCompliant,
      not_applicable: evaluations.length - compliant - nonCompliant - exempt,
      exempt,
      compliance_percentage: compliancePercentage(compliant, compliant + nonCompliant),
    },
    by_resource_type: byResourceType,
    by_rule: byRule,
    evaluations,
  };
}
