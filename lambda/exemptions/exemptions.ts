import { exemptionCovers, exemptionInForceAt, ExemptionTag, HasTag } from '../../src/core/engine/exemptions';
import { ComplianceChange } from '../../src/core/findings/compliance-change';
import { appliedExemption, exemptionDescription } from '../../src/core/rules/exemption-rules';
import type { DeployedExemption } from '../../src/core/settings/deployed-rule';

// Which exemption covers a resource, and when, is the core's: the CLI applies the same ones offline.

/** The state of a violation an exemption accepts. */
export const EXEMPT = 'EXEMPT';

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
  const covering = exemptions.filter((exemption) => exemptionCovers(exemption, change.resourceId, hasTag));
  const applying = covering.find((exemption) => exemptionInForceAt(exemption, now));
  if (applying) {
    return { ...change, newComplianceType: EXEMPT, exemptionReason: exemptionDescription(applying), exemption: appliedExemption(applying) };
  }
  const lastExpiry = covering.map((exemption) => exemption.expiresAt!).filter((expiry) => expiry > change.recordedAt).sort().pop();
  return lastExpiry ? { ...change, recordedAt: lastExpiry } : change;
}
