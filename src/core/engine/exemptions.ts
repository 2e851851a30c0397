import type { DeployedExemption } from '../settings/deployed-rule';

/** A tag, as an exemption names it. */
export interface ExemptionTag {
  readonly key: string;
  readonly value: string;
}

/** Whether a resource carries a tag. */
export type HasTag = (resourceId: string, tag: ExemptionTag) => boolean;

/** Whether the exemption names the resource: by id, or by a tag it carries. */
export function exemptionCovers(exemption: DeployedExemption, resourceId: string, hasTag: HasTag): boolean {
  return exemption.resourceIds ? exemption.resourceIds.includes(resourceId) : exemption.tag !== undefined && hasTag(resourceId, exemption.tag);
}

/** Whether the exemption still applies at `now`: it has no expiry, or has not reached it. */
export function exemptionInForceAt(exemption: DeployedExemption, now: Date): boolean {
  return exemption.expiresAt === undefined || now.toISOString() < exemption.expiresAt;
}

/** The exemption that applies to the resource at `now`, if any. */
export function exemptionInForce(
  exemptions: readonly DeployedExemption[], resourceId: string, hasTag: HasTag, now: Date,
): DeployedExemption | undefined {
  return exemptions.find((exemption) => exemptionInForceAt(exemption, now) && exemptionCovers(exemption, resourceId, hasTag));
}
