import { detached, ReportedEvaluation } from './report';

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

/** A finding as one string: a JSON array, so that no rule, type or id can run into the next. */
export function findingKey({ configRuleName, resourceType, resourceId }: ReportedFinding): string {
  return JSON.stringify([configRuleName, resourceType, resourceId]);
}

function fromKey(key: string): ReportedFinding {
  const [configRuleName, resourceType, resourceId] = JSON.parse(key) as string[];
  return { configRuleName, resourceType, resourceId };
}

/** The part of a previous report that the comparison reads: its violations, as {@link findingKey}s. */
export interface PreviousViolations {
  readonly report_timestamp: string;
  readonly compliance_percentage?: number;
  /** Each violation's key; its value, whether the current evaluations have it again (false until then). */
  readonly violations: Map<string, boolean>;
}

/** The part of a previous report that the comparison reads. */
export interface PreviousReport {
  readonly report_timestamp: string;
  readonly summary?: { readonly compliance_percentage?: number };
  readonly evaluations: readonly ReportedEvaluation[];
}

/** A previous report's violations, as a {@link ChangesTracker} reads them. */
export function previousViolations(previous: PreviousReport): PreviousViolations {
  return {
    report_timestamp: previous.report_timestamp,
    compliance_percentage: previous.summary?.compliance_percentage,
    violations: new Map(previous.evaluations.filter((evaluation) => evaluation.complianceType === 'NON_COMPLIANT').map((evaluation) => [findingKey(evaluation), false])),
  };
}

/**
 * The changes since a previous report, from the current evaluations added one at a time. It holds
 * the previous report's violations (it marks them seen in place) and the new ones: memory grows
 * with violations, not with evaluations. Each current finding comes once, as the findings index
 * holds one row per rule and resource.
 */
export class ChangesTracker {
  private readonly previousViolations: Map<string, boolean>;
  private readonly newlyNonCompliant: ReportedFinding[] = [];
  private readonly names = new Map<string, string>();

  constructor(private readonly previous: PreviousViolations | undefined) {
    this.previousViolations = previous?.violations ?? new Map();
  }

  add(evaluation: ReportedEvaluation): void {
    if (evaluation.complianceType !== 'NON_COMPLIANT') {
      return;
    }
    const key = findingKey(evaluation);
    if (this.previousViolations.has(key)) {
      this.previousViolations.set(key, true);
    } else {
      const { configRuleName, resourceType, resourceId } = evaluation;
      this.newlyNonCompliant.push({
        configRuleName: this.shared(configRuleName), resourceType: this.shared(resourceType), resourceId: detached(resourceId),
      });
    }
  }

  /** One copy of each rule name and resource type, however many findings read it afresh. */
  private shared(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) {
      return known;
    }
    const copy = detached(name);
    this.names.set(copy, copy);
    return copy;
  }

  changes(): ChangesSincePrevious {
    return {
      previous_report_timestamp: this.previous?.report_timestamp,
      previous_compliance_percentage: this.previous?.compliance_percentage,
      newly_non_compliant: this.newlyNonCompliant,
      newly_fixed: [...this.previousViolations].filter(([, seenAgain]) => !seenAgain).map(([key]) => fromKey(key)),
    };
  }
}

/** The violations that appeared and disappeared between two reports' evaluations. */
export function changesSince(previous: PreviousReport | undefined, current: readonly ReportedEvaluation[]): ChangesSincePrevious {
  const tracker = new ChangesTracker(previous && previousViolations(previous));
  for (const evaluation of current) {
    tracker.add(evaluation);
  }
  return tracker.changes();
}
