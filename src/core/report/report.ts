import type { ChangesSincePrevious } from './changes-since';
import { ControlTally, FrameworkReport, ReportFramework } from './controls';
import { foldState, ResourceState } from './resource-state';
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
  /** The evidence, where the source has it: the resource's ARN, account and region. */
  readonly arn?: string;
  readonly awsAccountId?: string;
  readonly awsRegion?: string;
  /** The configuration item judged: when Config captured it, and its state id (the CLI's items). */
  readonly configurationItemCaptureTime?: string;
  readonly configurationStateId?: string;
  /** When the result was recorded: by Config (the deployed monitor's findings), or by the engine (the CLI). */
  readonly resultRecordedTime?: string;
}

/** A rule of the set as a report states it: what it checks, with which parameters, and how to fix a violation. */
export interface ReportedRule {
  /** The rule's name, e.g. `restricted-ssh`. */
  readonly name: string;
  /** Its name in the evaluations: the deployed Config rule's, or the same offline. */
  readonly config_rule_name: string;
  readonly severity?: string;
  /** Its parameters, where the reporter knows them. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** A built-in rule's: what it checks, what to change, and AWS's page of its managed rule. */
  readonly description?: string;
  readonly remediation?: string;
  readonly aws_page?: string;
}

/** What a report covers, and when and by what it was made. */
export interface ReportScope {
  /** When the report was generated, to the millisecond. */
  readonly generated_at: string;
  /** The newest configuration item capture the report used (or Config result, for findings without items); absent when it used none. */
  readonly data_as_of?: string;
  readonly library_version: string;
  /** The accounts and regions of the evaluations, sorted. */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly rules: readonly ReportedRule[];
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
  /** compliant / total_evaluations, one decimal; 100 when nothing applies. Evaluations, not resources: see {@link ResourceSummary}. */
  readonly compliance_percentage: number;
}

/**
 * The resource view: each resource (resource type and id) counted once, from all its evaluations.
 * A resource's evaluations are judged when COMPLIANT or NON_COMPLIANT; EXEMPT, NOT_APPLICABLE and
 * INSUFFICIENT_DATA ones are not. The five counts add up: total = compliant + non_compliant +
 * exempt + not_applicable.
 */
export interface ResourceSummary {
  /** Distinct resources with at least one evaluation (the summary's total_resources). */
  readonly total: number;
  /** No evaluation NON_COMPLIANT and at least one COMPLIANT: exempt and not-applicable ones beside them do not change that. */
  readonly compliant: number;
  /** At least one evaluation NON_COMPLIANT, whatever the others are. */
  readonly non_compliant: number;
  /** No evaluation judged and at least one EXEMPT: its only violations are accepted. Counted apart, as exempt evaluations are. */
  readonly exempt: number;
  /** Only NOT_APPLICABLE or INSUFFICIENT_DATA evaluations: no rule judged it. Counted apart. */
  readonly not_applicable: number;
  /** compliant / (compliant + non_compliant), one decimal; 100 when no resource is judged. */
  readonly compliance_percentage: number;
}

/** Configuration items that no rule of the set judges (the CLI counts them), by resource type. */
export interface SkippedItems {
  readonly total: number;
  readonly by_resource_type: Record<string, number>;
}

/** Everything in a report but its list of evaluations: what the aggregator keeps in memory. */
export interface ReportOverview {
  readonly report_timestamp: string;
  readonly summary: ReportSummary;
  readonly by_resource_type: Record<string, ComplianceCounts>;
  readonly by_rule: Record<string, ComplianceCounts>;
  /** Compliance counted per resource rather than per evaluation. */
  readonly resource_summary: ResourceSummary;
  /** Present when the reporter knows which items no rule judged (the CLI). */
  readonly skipped_items?: SkippedItems;
  /** What changed since the previous report (the aggregator's reports). */
  readonly changes_since_previous?: ChangesSincePrevious;
  /** Mean time to remediate per rule (the aggregator's reports). */
  readonly mean_time_to_remediate?: Record<string, TimeToRemediate>;
  /** Per framework of the rule set, each control with its status, rules and resources. */
  readonly controls?: Record<string, FrameworkReport>;
  /** What the report covers: accounts, regions, the rules with their parameters, the library's version, the as-of time of its data. */
  readonly scope?: ReportScope;
}

/** The compliance report (README, Reports), and what the deployed aggregator adds to it. */
export interface ComplianceReport extends ReportOverview {
  readonly evaluations: readonly ReportedEvaluation[];
}

/** What a report can say beyond its evaluations. */
export interface ReportOptions {
  /** Configuration items no rule of the set judges, by resource type. */
  readonly skippedItemsByResourceType?: Readonly<Record<string, number>>;
  /** The frameworks whose controls the report shows. */
  readonly frameworks?: readonly ReportFramework[];
  /** The report's scope: the rule set and the library's version; the tally adds accounts, regions and the data's as-of time. */
  readonly scope?: { readonly libraryVersion: string; readonly rules: readonly ReportedRule[] };
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

/**
 * A copy of a string that holds nothing else: V8 makes a string parsed out of a larger one (a JSON
 * page of findings) a slice that keeps the whole page alive; what a report keeps past its page is copied.
 */
export function detached(text: string): string {
  return (` ${text}`).slice(1);
}

/** A timestamp as reports write it: UTC, to the second. */
export function reportTimestamp(timestamp: Date): string {
  return timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function skippedItems(byResourceType: Readonly<Record<string, number>>): SkippedItems {
  const entries = Object.entries(byResourceType);
  return { total: entries.reduce((sum, [, items]) => sum + items, 0), by_resource_type: Object.fromEntries(entries) };
}

/**
 * The report's counts, folded one evaluation at a time, so that a reporter can count evaluations it
 * does not keep. A resource's state is kept until {@link closeResources}: a reporter that reads
 * evaluations grouped by resource closes each group, and keeps only the open one.
 */
export class ReportTally {
  // No prototype: a resource type or rule named __proto__ or constructor is a key like any other.
  private readonly byResourceType: Record<string, ComplianceCounts> = Object.create(null);
  private readonly byRule: Record<string, ComplianceCounts> = Object.create(null);
  private readonly open = new Map<string, ResourceState>();
  private readonly resources = [0, 0, 0, 0];
  private compliant = 0;
  private nonCompliant = 0;
  private exempt = 0;
  private evaluations = 0;
  private readonly controls?: ControlTally;
  private readonly accounts = new Set<string>();
  private readonly regions = new Set<string>();
  private dataAsOf: string | undefined;

  /** `frameworks` are those whose controls the overview shows. */
  constructor(frameworks: readonly ReportFramework[] = []) {
    this.controls = frameworks.length > 0 ? new ControlTally(frameworks) : undefined;
  }

  add(evaluation: ReportedEvaluation): void {
    this.evaluations++;
    this.controls?.add(evaluation);
    this.addEvidence(evaluation);
    const state = foldState(this.open, evaluation);
    if (state === ResourceState.Exempt) {
      this.exempt++;
    }
    if (state < ResourceState.Compliant) {
      return;
    }
    const isCompliant = state === ResourceState.Compliant;
    if (isCompliant) {
      this.compliant++;
    } else {
      this.nonCompliant++;
    }
    count(this.byResourceType, evaluation.resourceType, isCompliant);
    count(this.byRule, evaluation.configRuleName, isCompliant);
  }

  /**
   * The scope's accounts, regions and as-of time: the newest time of the data judged, the item's
   * capture where the evaluation has one (the engine's own time is not the data's), else Config's
   * result; ISO 8601 UTC times, which sort as text.
   */
  private addEvidence({ awsAccountId, awsRegion, configurationItemCaptureTime, resultRecordedTime }: ReportedEvaluation): void {
    if (awsAccountId) {
      this.accounts.add(awsAccountId);
    }
    if (awsRegion) {
      this.regions.add(awsRegion);
    }
    const time = configurationItemCaptureTime ?? resultRecordedTime;
    if (time !== undefined && (this.dataAsOf === undefined || time > this.dataAsOf)) {
      this.dataAsOf = time;
    }
  }

  /** Counts the open resources: their evaluations must all have been added. */
  closeResources(): void {
    this.controls?.closeResources();
    for (const state of this.open.values()) {
      this.resources[state]++;
    }
    this.open.clear();
  }

  private scope(timestamp: Date, { libraryVersion, rules }: NonNullable<ReportOptions['scope']>): ReportScope {
    return {
      generated_at: timestamp.toISOString(),
      ...(this.dataAsOf !== undefined ? { data_as_of: this.dataAsOf } : {}),
      library_version: libraryVersion,
      accounts: [...this.accounts].sort(),
      regions: [...this.regions].sort(),
      rules,
    };
  }

  /** The report's figures over every evaluation added; open resources are closed. */
  overview(timestamp: Date, options: ReportOptions = {}): ReportOverview {
    this.closeResources();
    const [notApplicable, exempt, compliant, nonCompliant] = this.resources;
    const total = notApplicable + exempt + compliant + nonCompliant;
    return {
      report_timestamp: reportTimestamp(timestamp),
      summary: {
        total_resources: total,
        total_evaluations: this.compliant + this.nonCompliant,
        compliant: this.compliant,
        non_compliant: this.nonCompliant,
        not_applicable: this.evaluations - this.compliant - this.nonCompliant - this.exempt,
        exempt: this.exempt,
        compliance_percentage: compliancePercentage(this.compliant, this.compliant + this.nonCompliant),
      },
      by_resource_type: this.byResourceType,
      by_rule: this.byRule,
      resource_summary: {
        total,
        compliant,
        non_compliant: nonCompliant,
        exempt,
        not_applicable: notApplicable,
        compliance_percentage: compliancePercentage(compliant, compliant + nonCompliant),
      },
      ...(options.skippedItemsByResourceType ? { skipped_items: skippedItems(options.skippedItemsByResourceType) } : {}),
      ...(this.controls ? { controls: this.controls.report() } : {}),
      ...(options.scope ? { scope: this.scope(timestamp, options.scope) } : {}),
    };
  }
}

/** The report of a set of evaluations, taken at `timestamp`. */
export function buildReport(evaluations: readonly ReportedEvaluation[], timestamp: Date, options: ReportOptions = {}): ComplianceReport {
  const tally = new ReportTally(options.frameworks);
  for (const evaluation of evaluations) {
    tally.add(evaluation);
  }
  const { resource_summary: resourceSummary, skipped_items: skipped, controls, scope, ...overview } = tally.overview(timestamp, options);
  // Keys in the order the first report format wrote them, the additions after.
  return {
    ...overview,
    evaluations,
    resource_summary: resourceSummary,
    ...(skipped ? { skipped_items: skipped } : {}),
    ...(controls ? { controls } : {}),
    ...(scope ? { scope } : {}),
  };
}
