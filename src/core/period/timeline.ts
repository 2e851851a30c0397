import { ResourceState, STATE_OF } from '../report/resource-state';

/** An interval of time: from its start, included, to its end, excluded (epoch milliseconds). */
export interface Period {
  readonly start: number;
  readonly end: number;
}

/**
 * A resource's state for a rule from `at` until the next state recorded: a history row of the
 * findings table, a current state, or the engine's verdict on a configuration item.
 */
export interface RecordedState {
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
  /** When the state began (ISO 8601). */
  readonly at: string;
  /** COMPLIANT, NON_COMPLIANT, EXEMPT; anything else (NOT_APPLICABLE, INSUFFICIENT_DATA, RESOLVED) is not judged. */
  readonly complianceType: string;
  /** The state before it, as recorded with it: stands for the time before the earliest state read. */
  readonly previousComplianceType?: string;
  /** When that state began, where it was recorded (the start of the violation this state ends or continues). */
  readonly previousSince?: string;
  /** The exemption that made it EXEMPT. */
  readonly exemption?: AppliedExemption;
}

/** An exemption as a period report lists it: what the findings or the rules file recorded of it. */
export interface AppliedExemption {
  readonly reason: string;
  readonly approvedBy?: string;
  readonly ticket?: string;
  /** The first instant (ISO 8601) it no longer applies; absent when it never expires. */
  readonly expiresAt?: string;
}

/**
 * One resource's states for a rule (or a control) as runs: `states[i]` from `times[i]` until
 * `times[i + 1]`, the last until after the period. Consecutive runs differ in state. `times[0]` is
 * -Infinity when the first state is the one recorded as before the earliest read and when it began
 * was not recorded.
 */
export interface Timeline {
  readonly times: readonly number[];
  readonly states: readonly ResourceState[];
}

/** A state's run, from the states' names: anything not judged counts as not applicable. */
export function stateOf(complianceType: string | undefined): ResourceState {
  return STATE_OF[complianceType as keyof typeof STATE_OF] ?? ResourceState.NotApplicable;
}

/**
 * The timeline of one resource and rule, from its states in time order (the same state recorded
 * twice, as a history row and as the current state, counts once).
 */
export function timelineOf(states: readonly RecordedState[]): Timeline {
  const times: number[] = [];
  const runs: ResourceState[] = [];
  const push = (time: number, state: ResourceState) => {
    if (runs.length === 0 || runs[runs.length - 1] !== state) {
      times.push(time);
      runs.push(state);
    }
  };
  if (states.length > 0) {
    const { previousComplianceType, previousSince } = states[0];
    const since = previousSince === undefined ? NaN : Date.parse(previousSince);
    push(since < Date.parse(states[0].at) ? since : -Infinity, stateOf(previousComplianceType));
  }
  for (const state of states) {
    push(Date.parse(state.at), stateOf(state.complianceType));
  }
  return { times, states: runs };
}

/**
 * A control's timeline for a resource from its rules': at each instant the highest state of any
 * rule (a violation of one rule is a violation of the control), as a report's control status.
 */
export function mergeTimelines(timelines: readonly Timeline[]): Timeline {
  if (timelines.length === 1) {
    return timelines[0];
  }
  const breakpoints = [...new Set(timelines.flatMap((timeline) => timeline.times))].sort((a, b) => a - b);
  const next = timelines.map(() => 0);
  const times: number[] = [];
  const states: ResourceState[] = [];
  for (const time of breakpoints) {
    let state: ResourceState = ResourceState.NotApplicable;
    timelines.forEach((timeline, i) => {
      while (next[i] < timeline.times.length && timeline.times[next[i]] <= time) {
        next[i]++;
      }
      if (next[i] > 0) {
        state = Math.max(state, timeline.states[next[i] - 1]) as ResourceState;
      }
    });
    if (states.length === 0 || states[states.length - 1] !== state) {
      times.push(time);
      states.push(state);
    }
  }
  return { times, states };
}

/**
 * How violations fared in a period. A violation is a run of NON_COMPLIANT; each one that overlaps
 * the period is counted once at its start (`open_at_start` or `opened`) and once at its end
 * (`remediated`, `ended_otherwise` or `open_at_end`), so the two sums are equal.
 */
export interface ViolationCounts {
  /** NON_COMPLIANT when the period began. */
  open_at_start: number;
  /** Became NON_COMPLIANT during the period. */
  opened: number;
  /** Became COMPLIANT during the period. */
  remediated: number;
  /** Ended otherwise during the period: exempted, no longer applicable, or no longer reported. */
  ended_otherwise: number;
  /** Still NON_COMPLIANT when the period ended. */
  open_at_end: number;
}

/** A timeline's figures over a period, in milliseconds, before they are rounded for a report. */
export interface TimelineFigures {
  compliantMs: number;
  nonCompliantMs: number;
  exemptMs: number;
  readonly violations: ViolationCounts;
  /** The remediated violations whose start is known, and how long they lasted (from their start, before the period or in it). */
  readonly remediation: RemediationTimes;
}

/** How long remediated violations lasted: their count, total and longest. */
export interface RemediationTimes {
  measured: number;
  totalMs: number;
  longestMs: number;
}

export function emptyFigures(): TimelineFigures {
  return {
    compliantMs: 0,
    nonCompliantMs: 0,
    exemptMs: 0,
    violations: { open_at_start: 0, opened: 0, remediated: 0, ended_otherwise: 0, open_at_end: 0 },
    remediation: { measured: 0, totalMs: 0, longestMs: 0 },
  };
}

/** A timeline's time in each judged state and its violations, over the period. */
export function figuresOf(timeline: Timeline, period: Period): TimelineFigures {
  const figures = emptyFigures();
  const { times, states } = timeline;
  for (let i = 0; i < times.length; i++) {
    const begin = times[i];
    const end = i + 1 < times.length ? times[i + 1] : Infinity;
    const overlap = Math.min(end, period.end) - Math.max(begin, period.start);
    if (overlap <= 0) {
      continue;
    }
    const state = states[i];
    if (state === ResourceState.Compliant) {
      figures.compliantMs += overlap;
    } else if (state === ResourceState.Exempt) {
      figures.exemptMs += overlap;
    } else if (state === ResourceState.NonCompliant) {
      figures.nonCompliantMs += overlap;
      countViolation(figures, begin, end, end === Infinity ? undefined : states[i + 1], period);
    }
  }
  return figures;
}

function countViolation(figures: TimelineFigures, begin: number, end: number, after: ResourceState | undefined, period: Period): void {
  const { violations } = figures;
  if (begin < period.start) {
    violations.open_at_start++;
  } else {
    violations.opened++;
  }
  if (end > period.end) {
    violations.open_at_end++;
  } else if (after === ResourceState.Compliant) {
    violations.remediated++;
    if (begin !== -Infinity) {
      figures.remediation.measured++;
      figures.remediation.totalMs += end - begin;
      figures.remediation.longestMs = Math.max(figures.remediation.longestMs, end - begin);
    }
  } else {
    violations.ended_otherwise++;
  }
}

/** Adds `figures` into `total`. */
export function addFigures(total: TimelineFigures, figures: TimelineFigures): void {
  total.compliantMs += figures.compliantMs;
  total.nonCompliantMs += figures.nonCompliantMs;
  total.exemptMs += figures.exemptMs;
  for (const key of Object.keys(total.violations) as Array<keyof ViolationCounts>) {
    total.violations[key] += figures.violations[key];
  }
  total.remediation.measured += figures.remediation.measured;
  total.remediation.totalMs += figures.remediation.totalMs;
  total.remediation.longestMs = Math.max(total.remediation.longestMs, figures.remediation.longestMs);
}

/** Whether the timeline judged the resource (COMPLIANT, NON_COMPLIANT or EXEMPT) at any time in the period. */
export function isJudged(figures: TimelineFigures): boolean {
  return figures.compliantMs + figures.nonCompliantMs + figures.exemptMs > 0;
}
