import type { ReportedEvaluation } from './report';

/**
 * What a resource's evaluations seen so far make it, for the resource summary and each control;
 * a higher state wins over a lower one.
 */
export const ResourceState = { NotApplicable: 0, Exempt: 1, Compliant: 2, NonCompliant: 3 } as const;
export type ResourceState = typeof ResourceState[keyof typeof ResourceState];

export const STATE_OF: Record<ReportedEvaluation['complianceType'], ResourceState> = {
  NOT_APPLICABLE: ResourceState.NotApplicable,
  INSUFFICIENT_DATA: ResourceState.NotApplicable,
  EXEMPT: ResourceState.Exempt,
  COMPLIANT: ResourceState.Compliant,
  NON_COMPLIANT: ResourceState.NonCompliant,
};

/** A resource's key among the open ones: its type and id. */
export function resourceKey(evaluation: ReportedEvaluation): string {
  return `${evaluation.resourceType}\u0000${evaluation.resourceId}`;
}

/** Folds an evaluation's state into its resource's among `open`; returns the evaluation's own state. */
export function foldState(open: Map<string, ResourceState>, evaluation: ReportedEvaluation): ResourceState {
  const key = resourceKey(evaluation);
  const state = STATE_OF[evaluation.complianceType];
  open.set(key, Math.max(state, open.get(key) ?? ResourceState.NotApplicable) as ResourceState);
  return state;
}
