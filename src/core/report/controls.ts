import type { ReportedEvaluation } from './report';
import { foldState, ResourceState } from './resource-state';

/** A framework as a report shows it: its controls of the rules of the set, by rule name. */
export interface ReportFramework {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  /** The controls of each rule of the set that the framework maps; rules it does not map are absent. */
  readonly controlsByRule: Readonly<Record<string, readonly string[]>>;
}

/**
 * A control's status: NON_COMPLIANT when an evaluation of one of its rules is; INSUFFICIENT_DATA
 * when none is but one has no verdict yet; COMPLIANT when every judged evaluation is compliant or
 * exempt; NOT_APPLICABLE when no evaluation of its rules judged a resource (no evidence either way).
 */
export type ControlStatus = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA' | 'NOT_APPLICABLE';

/** Resources of a control, each counted once however many of its rules judged it (as the resource summary counts). */
export interface ControlResources {
  total: number;
  compliant: number;
  non_compliant: number;
  exempt: number;
  not_applicable: number;
}

export interface ControlReport {
  readonly status: ControlStatus;
  /** The rules of the set that map to the control, in the set's order. */
  readonly rules: readonly string[];
  readonly resources: ControlResources;
}

export interface FrameworkReport {
  readonly name: string;
  readonly version?: string;
  /** By control id, in the framework's order (numbers compared as numbers: 1.2 before 1.10). */
  readonly controls: Record<string, ControlReport>;
}

/** The count of each resource state, by state. */
const STATE_COUNTS = ['not_applicable', 'exempt', 'compliant', 'non_compliant'] as const;

interface ControlFold {
  readonly rules: string[];
  readonly open: Map<string, ResourceState>;
  readonly resources: ControlResources;
  judged: number;
  violations: number;
  insufficient: number;
}

/** Control ids in a framework's order: numbers compared as numbers (1.2 before 1.10). */
export const byControlId = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The controls section of a report, folded one evaluation at a time beside the report's other
 * counts. A resource stays open until {@link closeResources}, as in `ReportTally`: a reporter that
 * reads evaluations grouped by resource closes each group and keeps only the open one.
 */
export class ControlTally {
  /** Per rule name, the folds of the controls it maps to, in every framework. */
  private readonly foldsByRule = new Map<string, ControlFold[]>();
  private readonly byFramework: Array<{ framework: ReportFramework; folds: Map<string, ControlFold> }> = [];

  constructor(frameworks: readonly ReportFramework[]) {
    for (const framework of frameworks) {
      const folds = new Map<string, ControlFold>();
      for (const [ruleName, controls] of Object.entries(framework.controlsByRule)) {
        for (const control of controls) {
          let fold = folds.get(control);
          if (fold === undefined) {
            const resources = { total: 0, compliant: 0, non_compliant: 0, exempt: 0, not_applicable: 0 };
            fold = { rules: [], open: new Map(), resources, judged: 0, violations: 0, insufficient: 0 };
            folds.set(control, fold);
          }
          fold.rules.push(ruleName);
          this.foldsByRule.set(ruleName, [...(this.foldsByRule.get(ruleName) ?? []), fold]);
        }
      }
      this.byFramework.push({ framework, folds });
    }
  }

  add(evaluation: ReportedEvaluation): void {
    const folds = this.foldsByRule.get(evaluation.configRuleName);
    if (folds === undefined) {
      return;
    }
    for (const fold of folds) {
      const state = foldState(fold.open, evaluation);
      if (evaluation.complianceType === 'INSUFFICIENT_DATA') {
        fold.insufficient++;
      } else if (state !== ResourceState.NotApplicable) {
        fold.judged++;
        if (state === ResourceState.NonCompliant) {
          fold.violations++;
        }
      }
    }
  }

  /** Counts the open resources of every control: their evaluations must all have been added. */
  closeResources(): void {
    for (const { folds } of this.byFramework) {
      for (const fold of folds.values()) {
        for (const state of fold.open.values()) {
          fold.resources.total++;
          fold.resources[STATE_COUNTS[state]]++;
        }
        fold.open.clear();
      }
    }
  }

  /** The section, by framework id; open resources are closed. */
  report(): Record<string, FrameworkReport> {
    this.closeResources();
    return Object.fromEntries(this.byFramework.map(({ framework, folds }) => [framework.id, {
      name: framework.name,
      ...(framework.version !== undefined ? { version: framework.version } : {}),
      controls: Object.fromEntries([...folds.keys()].sort(byControlId).map((control) => {
        const fold = folds.get(control)!;
        return [control, { status: statusOf(fold), rules: fold.rules, resources: fold.resources }];
      })),
    }]));
  }
}

function statusOf(fold: ControlFold): ControlStatus {
  if (fold.violations > 0) {
    return 'NON_COMPLIANT';
  }
  if (fold.insufficient > 0) {
    return 'INSUFFICIENT_DATA';
  }
  return fold.judged > 0 ? 'COMPLIANT' : 'NOT_APPLICABLE';
}
