import { RemediationClock } from '../findings/current-finding';

/** How fast one rule's violations are fixed. */
export interface TimeToRemediate {
  /** Resources whose latest violation of the rule has been fixed. */
  readonly remediated_findings: number;
  /** The mean time from violation to fix over those, in seconds. */
  readonly mean_seconds: number;
}

/**
 * Mean time to remediate per rule, over each resource's latest fixed violation (the current state
 * keeps how long it lasted); rules with no fixed violation are left out.
 */
export function meanTimeToRemediate(
  findings: ReadonlyArray<RemediationClock & { readonly configRuleName: string }>,
): Record<string, TimeToRemediate> {
  const totals = new Map<string, { count: number; seconds: number }>();
  for (const { configRuleName, timeToRemediateSeconds } of findings) {
    if (timeToRemediateSeconds === undefined) {
      continue;
    }
    const total = totals.get(configRuleName) ?? { count: 0, seconds: 0 };
    total.count++;
    total.seconds += timeToRemediateSeconds;
    totals.set(configRuleName, total);
  }
  return Object.fromEntries([...totals].map(([rule, { count, seconds }]) =>
    [rule, { remediated_findings: count, mean_seconds: Math.round(seconds / count) }]));
}
