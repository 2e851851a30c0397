import {
  addFigures, AppliedExemption, emptyFigures, figuresOf, isJudged, mergeTimelines, Period, RecordedState, Timeline, TimelineFigures,
  timelineOf, ViolationCounts,
} from './timeline';
import { byControlId, ReportFramework } from '../report/controls';
import { compareUtf8 } from '../storage/key-order';

/** A timeline's figures as a report gives them: whole seconds, a percentage. */
export interface PeriodFigures {
  readonly compliant_seconds: number;
  readonly non_compliant_seconds: number;
  readonly exempt_seconds: number;
  /**
   * Compliant time over compliant and non-compliant time, in percent with two decimals; exempt
   * time is in neither, as exempt evaluations are in neither of a snapshot report's counts. Null
   * when nothing was judged.
   */
  readonly compliant_percentage: number | null;
  readonly violations: ViolationCounts;
  /**
   * Over the remediated violations whose start is known: in the history read, or recorded with the
   * first state read; a violation open since before the history read and not so recorded is counted in `remediated` only.
   */
  readonly time_to_remediate: {
    readonly measured: number;
    readonly mean_seconds: number | null;
    readonly longest_seconds: number | null;
  };
}

/** A group's figures (a rule, a control, the whole period), with how many resources it judged. */
export type GroupFigures = { readonly resources: number } & PeriodFigures;

/** A resource's figures for one rule of the period. */
export type ResourceRuleFigures = { readonly configRuleName: string } & PeriodFigures;

/** A resource's figures for one control it violated during the period. */
export type ResourceControlFigures = { readonly framework: string; readonly control: string } & PeriodFigures;

/** One resource of a period report: its figures by rule, and by each control it violated at some time. */
export interface PeriodResource {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly rules: readonly ResourceRuleFigures[];
  readonly controls: readonly ResourceControlFigures[];
}

/** An exemption that applied at some time in the period: what was recorded of it, and where it applied. */
export interface PeriodExemption {
  readonly configRuleName: string;
  readonly reason: string;
  readonly approved_by?: string;
  readonly ticket?: string;
  readonly expires_at?: string;
  /** The resources it made EXEMPT during the period. */
  readonly resources: number;
  /** When in the period it first applied, and until when it last applied (the period's end when it applied to the end). */
  readonly applied_from: string;
  readonly applied_until: string;
}

export interface PeriodControl extends GroupFigures {
  /** The rules of the set that map to the control, in the set's order. */
  readonly rules: readonly string[];
}

/** What a period report gives beside its resources. */
export interface PeriodOverview {
  readonly period: { readonly start: string; readonly end: string };
  readonly summary: GroupFigures;
  readonly by_rule: Record<string, GroupFigures>;
  /** By framework id; absent when the report shows no framework. */
  readonly controls?: Record<string, { readonly name: string; readonly version?: string; readonly controls: Record<string, PeriodControl> }>;
  /** In rule, then reason order. */
  readonly exemptions: readonly PeriodExemption[];
}

const MS_PER_SECOND = 1000;

function seconds(ms: number): number {
  return Math.round(ms / MS_PER_SECOND);
}

/** Figures in a report's units. */
export function periodFigures(figures: TimelineFigures): PeriodFigures {
  const judged = figures.compliantMs + figures.nonCompliantMs;
  const { measured, totalMs, longestMs } = figures.remediation;
  return {
    compliant_seconds: seconds(figures.compliantMs),
    non_compliant_seconds: seconds(figures.nonCompliantMs),
    exempt_seconds: seconds(figures.exemptMs),
    compliant_percentage: judged > 0 ? Math.round((figures.compliantMs / judged) * 10_000) / 100 : null,
    violations: { ...figures.violations },
    time_to_remediate: {
      measured,
      mean_seconds: measured > 0 ? seconds(totalMs / measured) : null,
      longest_seconds: measured > 0 ? seconds(longestMs) : null,
    },
  };
}

interface GroupFold {
  resources: number;
  readonly figures: TimelineFigures;
}

function newGroup(): GroupFold {
  return { resources: 0, figures: emptyFigures() };
}

function addToGroup(group: GroupFold, figures: TimelineFigures): void {
  group.resources++;
  addFigures(group.figures, figures);
}

function groupFigures({ resources, figures }: GroupFold): GroupFigures {
  return { resources, ...periodFigures(figures) };
}

interface ControlFold extends GroupFold {
  readonly rules: string[];
}

interface ExemptionFold {
  readonly configRuleName: string;
  readonly exemption: AppliedExemption;
  resources: number;
  firstApplied: number;
  lastApplied: number;
}

/** States in time order, each time parsed once: a period run sorts every state it reads. */
function inTimeOrder(states: readonly RecordedState[]): RecordedState[] {
  if (states.length < 2) {
    return [...states];
  }
  const times = new Map(states.map((state) => [state, Date.parse(state.at)]));
  return [...states].sort((a, b) => times.get(a)! - times.get(b)!);
}

/** A framework's controls as the tally folds them: each control's fold, and the controls each rule maps to, in the framework's order. */
interface FrameworkFolds {
  readonly framework: ReportFramework;
  readonly folds: Map<string, ControlFold>;
  /** The folds in the framework's order, by control. */
  readonly entries: ReadonlyArray<readonly [string, ControlFold]>;
  /** By rule, the indexes (in `entries`) of the controls it maps to. */
  readonly controlsOfRule: Map<string, number[]>;
}

/**
 * A period report, folded resource by resource: each resource's states of every rule are read
 * together, turned into one timeline per rule (and per control, from its rules'), measured over
 * the period, and added to the rule's, control's and period's figures; memory holds those sums and
 * the exemptions seen, not the resources.
 */
export class PeriodTally {
  private readonly period: Period;
  private readonly summary = newGroup();
  private readonly byRule = new Map<string, GroupFold>();
  private readonly frameworks: FrameworkFolds[];
  private readonly exemptions = new Map<string, ExemptionFold>();

  constructor(period: { readonly start: Date; readonly end: Date }, frameworks: readonly ReportFramework[] = []) {
    if (!(period.start.getTime() < period.end.getTime())) {
      throw new Error(`a period must end after it starts: ${period.start.toISOString()} to ${period.end.toISOString()}`);
    }
    this.period = { start: period.start.getTime(), end: period.end.getTime() };
    this.frameworks = frameworks.map((framework) => {
      const folds = new Map<string, ControlFold>();
      for (const [rule, controls] of Object.entries(framework.controlsByRule)) {
        for (const control of controls) {
          const fold = folds.get(control) ?? { ...newGroup(), rules: [] };
          fold.rules.push(rule);
          folds.set(control, fold);
        }
      }
      const entries = [...folds];
      const index = new Map(entries.map(([control], i) => [control, i]));
      const controlsOfRule = new Map(Object.entries(framework.controlsByRule)
        .map(([rule, controls]) => [rule, [...new Set(controls)].map((control) => index.get(control)!).sort((a, b) => a - b)]));
      return { framework, folds, entries, controlsOfRule };
    });
  }

  /**
   * Every state read of one resource id, of any rule and type, in any order; the resources (one
   * per type) it judged during the period, for the report's list. Each resource id is added once.
   */
  addResource(states: readonly RecordedState[]): PeriodResource[] {
    const byType = new Map<string, Map<string, RecordedState[]>>();
    for (const state of states) {
      let byRule = byType.get(state.resourceType);
      if (byRule === undefined) {
        byRule = new Map();
        byType.set(state.resourceType, byRule);
      }
      const ofRule = byRule.get(state.configRuleName);
      if (ofRule === undefined) {
        byRule.set(state.configRuleName, [state]);
      } else {
        ofRule.push(state);
      }
    }
    const resources: PeriodResource[] = [];
    for (const [resourceType, byRule] of [...byType].sort(([a], [b]) => compareUtf8(a, b))) {
      const resource = this.addTyped(resourceType, byRule);
      if (resource) {
        resources.push(resource);
      }
    }
    return resources;
  }

  /** The figures of the period, by rule, control and exemption. */
  overview(): PeriodOverview {
    const controls = this.frameworks.length === 0 ? undefined : Object.fromEntries(this.frameworks.map(({ framework, folds }) => [framework.id, {
      name: framework.name,
      ...(framework.version !== undefined ? { version: framework.version } : {}),
      controls: Object.fromEntries([...folds.keys()].sort(byControlId).map((control) => {
        const fold = folds.get(control)!;
        return [control, { rules: fold.rules, ...groupFigures(fold) }];
      })),
    }]));
    return {
      period: { start: new Date(this.period.start).toISOString(), end: new Date(this.period.end).toISOString() },
      summary: groupFigures(this.summary),
      by_rule: Object.fromEntries([...this.byRule.keys()].sort(compareUtf8).map((rule) => [rule, groupFigures(this.byRule.get(rule)!)])),
      ...(controls ? { controls } : {}),
      exemptions: [...this.exemptions.values()]
        .sort((a, b) => compareUtf8(a.configRuleName, b.configRuleName) || compareUtf8(a.exemption.reason, b.exemption.reason))
        .map(({ configRuleName, exemption, resources, firstApplied, lastApplied }) => ({
          configRuleName,
          reason: exemption.reason,
          ...(exemption.approvedBy !== undefined ? { approved_by: exemption.approvedBy } : {}),
          ...(exemption.ticket !== undefined ? { ticket: exemption.ticket } : {}),
          ...(exemption.expiresAt !== undefined ? { expires_at: exemption.expiresAt } : {}),
          resources,
          applied_from: new Date(firstApplied).toISOString(),
          applied_until: new Date(lastApplied).toISOString(),
        })),
    };
  }

  private addTyped(resourceType: string, byRule: Map<string, RecordedState[]>): PeriodResource | undefined {
    const timelines = new Map<string, Timeline>();
    const ruleFigures = new Map<string, TimelineFigures>();
    const rules: ResourceRuleFigures[] = [];
    const resourceFigures = emptyFigures();
    for (const [rule, states] of [...byRule].sort(([a], [b]) => compareUtf8(a, b))) {
      const sorted = inTimeOrder(states);
      const timeline = timelineOf(sorted);
      const figures = figuresOf(timeline, this.period);
      if (!isJudged(figures)) {
        continue;
      }
      timelines.set(rule, timeline);
      ruleFigures.set(rule, figures);
      this.noteExemptions(rule, sorted);
      const group = this.byRule.get(rule) ?? newGroup();
      addToGroup(group, figures);
      this.byRule.set(rule, group);
      addFigures(resourceFigures, figures);
      rules.push({ configRuleName: rule, ...periodFigures(figures) });
    }
    if (rules.length === 0) {
      return undefined;
    }
    // The period's figures count a resource once, its time and violations those of all its rules.
    this.summary.resources++;
    addFigures(this.summary.figures, resourceFigures);
    const controls: ResourceControlFigures[] = [];
    // Controls whose judged rules are the same have the same figures: most map to one rule, whose figures are known.
    const bySameRules = new Map<string, { figures: TimelineFigures; reported?: PeriodFigures }>();
    for (const { framework, entries, controlsOfRule } of this.frameworks) {
      // Only the controls its judged rules map to: a framework has hundreds, a resource's rules a few.
      const touched = [...new Set([...timelines.keys()].flatMap((rule) => controlsOfRule.get(rule) ?? []))].sort((a, b) => a - b);
      for (const [control, fold] of touched.map((i) => entries[i])) {
        const judged = fold.rules.filter((rule) => timelines.has(rule));
        const key = judged.join('\u0000');
        let shared = bySameRules.get(key);
        if (shared === undefined) {
          const merged = () => figuresOf(mergeTimelines(judged.map((rule) => timelines.get(rule)!)), this.period);
          shared = { figures: judged.length === 1 ? ruleFigures.get(judged[0])! : merged() };
          bySameRules.set(key, shared);
        }
        addToGroup(fold, shared.figures);
        if (shared.figures.nonCompliantMs > 0) {
          shared.reported ??= periodFigures(shared.figures);
          controls.push({ framework: framework.id, control, ...shared.reported });
        }
      }
    }
    return { resourceType, resourceId: byRule.values().next().value![0].resourceId, rules, controls };
  }

  /** The exemptions that made the resource EXEMPT at some time in the period, each resource counted once per exemption. */
  private noteExemptions(configRuleName: string, sorted: readonly RecordedState[]): void {
    const seen = new Set<string>();
    sorted.forEach((state, i) => {
      if (state.complianceType !== 'EXEMPT' || state.exemption === undefined) {
        return;
      }
      const from = Math.max(Date.parse(state.at), this.period.start);
      const to = Math.min(i + 1 < sorted.length ? Date.parse(sorted[i + 1].at) : Infinity, this.period.end);
      if (to <= from) {
        return;
      }
      const { reason, approvedBy, ticket, expiresAt } = state.exemption;
      const key = JSON.stringify([configRuleName, reason, approvedBy, ticket, expiresAt]);
      const fold = this.exemptions.get(key) ?? { configRuleName, exemption: state.exemption, resources: 0, firstApplied: from, lastApplied: to };
      if (!seen.has(key)) {
        seen.add(key);
        fold.resources++;
      }
      fold.firstApplied = Math.min(fold.firstApplied, from);
      fold.lastApplied = Math.max(fold.lastApplied, to);
      this.exemptions.set(key, fold);
    });
  }
}
