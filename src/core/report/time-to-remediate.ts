import { RemediationClock } from '../findings/current-finding';

/** How fast one rule's violations are fixed. */
export interface TimeToRemediate {
  /** Resources whose latest violation of the rule has been fixed. */
  readonly remediated_findings: number;
  /** The mean time from violation to fix over those, in seconds. */
  readonly mean_seconds: number;
}

/** A finding as the mean time to remediate reads it. */
export type RemediatedFinding = RemediationClock & { readonly configRuleName: string };

/** The mean time to remediate, from findings added one at a time: a count and a sum per rule. */
export class RemediationTimes {
  private readonly totals = new Map<string, { count: number; seconds: number }>();

  add({ configRuleName, timeToRemediateSeconds }: RemediatedFinding): void {
    if (timeToRemediateSeconds === undefined) {
      return;
    }
    const total = this.totals.get(configRuleName) ?? { count: 0, seconds: 0 };
    total.count++;
    total.seconds += timeToRemediateSeconds;
    this.totals.set(configRuleName, total);
  }

  perRule(): Record<string, TimeToRemediate> {
    return Object.fromEntries([...this.totals].map(([rule, { count, seconds }]) =>
      [rule, { remediated_findings: count, mean_seconds: Math.round(seconds / count) }]));
  }
}

/**
 * Mean time to remediate per rule, over each resource's latest fixed violation (the current state
 * keeps how long it lasted); rules with no fixed violation are left out.
 */
export function meanTimeToRemediate(findings: readonly RemediatedFinding[]): Record<string, TimeToRemediate> {
  const times = new RemediationTimes();
  for (const finding of findings) {
    times.add(finding);
  }
  return times.perRule();
}
