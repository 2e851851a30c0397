import { ComplianceChange } from '../../src/core/findings/compliance-change';
import type { DeployedExemption } from '../../src/core/settings/deployed-rule';

/** The state of a violation an exemption accepts. */
export const EXEMPT = 'EXEMPT';

/** A tag, as an exemption names it. */
export interface ExemptionTag {
  readonly key: string;
  readonly value: string;
}

/** Whether a resource carries a tag. */
export type HasTag = (resourceId: string, tag: ExemptionTag) => boolean;

function covers(exemption: DeployedExemption, resourceId: string, hasTag: HasTag): boolean {
  return exemption.resourceIds ? exemption.resourceIds.includes(resourceId) : hasTag(resourceId, exemption.tag!);
}

/** Whether the exemption still applies at `now`: it has no expiry, or has not reached it. */
function inForce(exemption: DeployedExemption, now: Date): boolean {
  return exemption.expiresAt === undefined || now.toISOString() < exemption.expiresAt;
}

/** The exemption that applies to the resource now, if any. */
export function exemptionInForce(
  exemptions: readonly DeployedExemption[], resourceId: string, hasTag: HasTag, now: Date,
): DeployedExemption | undefined {
  return exemptions.find((exemption) => inForce(exemption, now) && covers(exemption, resourceId, hasTag));
}

/** The tags a rule's exemptions name: what must be looked up to apply them. */
export function exemptionTags(exemptions: readonly DeployedExemption[]): ExemptionTag[] {
  return exemptions.flatMap((exemption) => exemption.tag ?? []);
}

/**
 * A result as the monitor records it: a violation an exemption covers is EXEMPT, with its reason.
 * A violation whose exemption has expired counts from the expiry, so that it orders after the EXEMPT
 * state it replaces, even though Config recorded the result earlier.
 */
export function withExemptions(change: ComplianceChange, exemptions: readonly DeployedExemption[], hasTag: HasTag, now: Date): ComplianceChange {
  if (change.newComplianceType !== 'NON_COMPLIANT' || exemptions.length === 0) {
    return change;
  }
  const covering = exemptions.filter((exemption) => covers(exemption, change.resourceId, hasTag));
  const applying = covering.find((exemption) => inForce(exemption, now));
  if (applying) {
    return { ...change, newComplianceType: EXEMPT, exemptionReason: applying.reason };
  }
  const lastExpiry = covering.map((exemption) => exemption.expiresAt!).filter((expiry) => expiry > change.recordedAt).sort().pop();
  return lastExpiry ? { ...change, recordedAt: lastExpiry } : change;
}
