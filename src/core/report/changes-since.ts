import { ReportedEvaluation } from './report';
import { compareUtf8 } from '../storage/key-order';

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
  /** NON_COMPLIANT now, and not in the previous report; in resource id order. */
  readonly newly_non_compliant: ReportedFinding[];
  /** NON_COMPLIANT in the previous report, and not now; in resource id order. */
  readonly newly_fixed: ReportedFinding[];
}

/** The part of a previous report that the comparison reads. */
export interface PreviousReport {
  readonly report_timestamp: string;
  readonly summary?: { readonly compliance_percentage?: number };
  readonly evaluations: readonly ReportedEvaluation[];
}

/** A finding as one string: a JSON array, so that no rule, type or id can run into the next. */
export function findingKey({ configRuleName, resourceType, resourceId }: ReportedFinding): string {
  return JSON.stringify([configRuleName, resourceType, resourceId]);
}

/** The finding alone, without the rest of the evaluation it was read from. */
export function reportedFinding({ configRuleName, resourceType, resourceId }: ReportedFinding): ReportedFinding {
  return { configRuleName, resourceType, resourceId };
}

/** Findings in the order a merge reads them: by resource id, in DynamoDB's order, the order of the list kept within an id. */
export function inResourceOrder<T extends ReportedFinding>(findings: readonly T[]): T[] {
  // Array.prototype.sort is stable: a resource's findings keep their order.
  return [...findings].sort((a, b) => compareUtf8(a.resourceId, b.resourceId));
}

/** A report's violations, in the order a {@link ChangesMerge} reads a previous report's. */
export function violationsOf(evaluations: readonly ReportedEvaluation[]): ReportedFinding[] {
  return inResourceOrder(evaluations.filter((evaluation) => evaluation.complianceType === 'NON_COMPLIANT').map(reportedFinding));
}

/** Where a {@link ChangesMerge} puts each change as it finds it, in resource id order. */
export interface ChangesSink {
  newlyNonCompliant(finding: ReportedFinding): void;
  newlyFixed(finding: ReportedFinding): void;
}

/** A previous report whose violations are not in resource id order cannot be merged with the current findings. */
export class ReportOrderError extends Error {
  constructor(resourceId: string, after: string) {
    super(`The previous report lists resource ${JSON.stringify(resourceId)} after ${JSON.stringify(after)}: its evaluations are not in resource id order, `
      + 'as every report this library writes lists them. Restore the report the aggregator wrote, or delete it to start the comparison afresh.');
    this.name = 'ReportOrderError';
  }
}

/**
 * The changes since a previous report, as a merge of two lists in resource id order: the previous
 * report's violations, added as they are read, and the current evaluations, added one at a time.
 * Memory holds the open resource's previous violations and what has been read ahead of it, not
 * either list: each change goes to the sink as soon as it is known.
 *
 * A reader opens each resource with {@link openResource} and, while it answers true, reads more of
 * the previous report before adding the resource's evaluations.
 */
export class ChangesMerge {
  /** Previous violations read ahead of the open resource, in order. */
  private ahead: ReportedFinding[] = [];
  private lastPreviousId: string | undefined;
  private previousEnded: boolean;
  private openId: string | undefined;
  /** The open resource's previous violations not seen again yet, by key. */
  private readonly openPrevious = new Map<string, ReportedFinding>();

  /** `hasPrevious` false: there is no previous report, and nothing is newly non-compliant or fixed. */
  constructor(private readonly sink: ChangesSink, hasPrevious: boolean) {
    this.previousEnded = !hasPrevious;
  }

  /** The next violations of the previous report, in resource id order. */
  addPrevious(violations: readonly ReportedFinding[]): void {
    for (const violation of violations) {
      if (this.lastPreviousId !== undefined && compareUtf8(violation.resourceId, this.lastPreviousId) < 0) {
        throw new ReportOrderError(violation.resourceId, this.lastPreviousId);
      }
      this.lastPreviousId = violation.resourceId;
      this.place(violation);
    }
  }

  /** The previous report has no more violations. */
  endPrevious(): void {
    this.previousEnded = true;
  }

  /**
   * Closes the open resource, if another, and opens this one (ids must come in order). True while
   * the previous report must be read further before the resource's evaluations can be added.
   */
  openResource(resourceId: string): boolean {
    if (resourceId !== this.openId) {
      if (this.openId !== undefined && compareUtf8(resourceId, this.openId) < 0) {
        throw new Error(`current evaluations out of resource id order: ${JSON.stringify(resourceId)} after ${JSON.stringify(this.openId)}`);
      }
      this.closeOpen();
      this.openId = resourceId;
      const ahead = this.ahead;
      this.ahead = [];
      ahead.forEach((violation) => this.place(violation));
    }
    return !this.previousEnded && (this.lastPreviousId === undefined || compareUtf8(this.lastPreviousId, resourceId) <= 0);
  }

  /** A current evaluation, of the open resource or the next one. */
  add(evaluation: ReportedEvaluation): void {
    this.openResource(evaluation.resourceId);
    if (evaluation.complianceType === 'NON_COMPLIANT' && !this.openPrevious.delete(findingKey(evaluation))) {
      this.sink.newlyNonCompliant(reportedFinding(evaluation));
    }
  }

  /** After the last evaluation and the previous report's end: the previous violations not seen again are fixed. */
  finish(): void {
    if (!this.previousEnded) {
      throw new Error('the previous report was not read to its end');
    }
    this.closeOpen();
    this.ahead.forEach((violation) => this.sink.newlyFixed(violation));
    this.ahead = [];
    this.openId = undefined;
  }

  /** A previous violation before the open resource is fixed; of it, it waits for the resource's evaluations; after it, it waits its turn. */
  private place(violation: ReportedFinding): void {
    const order = this.openId === undefined ? 1 : compareUtf8(violation.resourceId, this.openId);
    if (order < 0) {
      this.sink.newlyFixed(violation);
    } else if (order === 0) {
      this.openPrevious.set(findingKey(violation), violation);
    } else {
      this.ahead.push(violation);
    }
  }

  private closeOpen(): void {
    this.openPrevious.forEach((violation) => this.sink.newlyFixed(violation));
    this.openPrevious.clear();
  }
}

/** The violations that appeared and disappeared between two reports' evaluations, in any order. */
export function changesSince(previous: PreviousReport | undefined, current: readonly ReportedEvaluation[]): ChangesSincePrevious {
  const changes = { newly_non_compliant: [] as ReportedFinding[], newly_fixed: [] as ReportedFinding[] };
  const merge = new ChangesMerge({
    newlyNonCompliant: (finding) => changes.newly_non_compliant.push(finding),
    newlyFixed: (finding) => changes.newly_fixed.push(reportedFinding(finding)),
  }, previous !== undefined);
  if (previous) {
    merge.addPrevious(violationsOf(previous.evaluations));
    merge.endPrevious();
  }
  inResourceOrder(current).forEach((evaluation) => merge.add(evaluation));
  merge.finish();
  return {
    previous_report_timestamp: previous?.report_timestamp,
    previous_compliance_percentage: previous?.summary?.compliance_percentage,
    ...changes,
  };
}
