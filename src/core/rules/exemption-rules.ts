import { createHash } from 'crypto';
import type { AppliedExemption } from '../period/timeline';

/**
 * What makes an exemption valid, shared by the construct's `Exemption` and the CLI's rules files so
 * that both accept the same ones; each caller words its own error.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The characters AWS allows in tag keys and values. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const MAX_EXEMPTION_REASON_LENGTH = 256;

/**
 * The first instant an exemption whose last day is `expires` (`YYYY-MM-DD`, UTC) no longer applies:
 * the next day at midnight UTC; undefined when `expires` is not such a date.
 */
export function expiryInstantOf(expires: string): string | undefined {
  const match = DATE.exec(expires);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== expires) {
    return undefined;
  }
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** A tag AWS accepts: a key of 1 to 128 characters, a value of at most 256, both of the allowed characters. */
export function isValidTag(key: string, value: string): boolean {
  return key.length > 0 && key.length <= 128 && TAG_TEXT.test(key) && value.length <= 256 && TAG_TEXT.test(value);
}

/** Who approved an exemption, or its ticket: text that says something, within what the findings table records. */
export const MAX_EXEMPTION_RECORD_LENGTH = 128;

export function isValidRecord(text: string): boolean {
  return text.trim().length > 0 && text.length <= MAX_EXEMPTION_RECORD_LENGTH;
}

/**
 * How an exemption is named wherever a finding it covers is shown (its annotation, the findings
 * table, the reports): its reason, then who approved it and its ticket where given.
 */
export function exemptionDescription(exemption: { readonly reason: string; readonly approvedBy?: string; readonly ticket?: string }): string {
  const record = [
    ...(exemption.approvedBy !== undefined ? [`approved by ${exemption.approvedBy}`] : []),
    ...(exemption.ticket !== undefined ? [`ticket ${exemption.ticket}`] : []),
  ];
  return record.length > 0 ? `${exemption.reason} (${record.join(', ')})` : exemption.reason;
}

/** An exemption as the findings record it: its reason, approver, ticket and expiry, each where given. */
export function appliedExemption(exemption: AppliedExemption): AppliedExemption {
  const { reason, approvedBy, ticket, expiresAt } = exemption;
  return {
    reason,
    ...(approvedBy !== undefined ? { approvedBy } : {}),
    ...(ticket !== undefined ? { ticket } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/** A reason that says something, within what the findings table records. */
export function isValidReason(reason: string): boolean {
  return reason.trim().length > 0 && reason.length <= MAX_EXEMPTION_REASON_LENGTH;
}

/** An exemption as the handlers hold it: enough to name it and to know when it ends. */
interface ExpiringExemption {
  readonly resourceIds?: readonly string[];
  readonly tag?: { readonly key: string; readonly value: string };
  readonly reason: string;
  readonly expiresAt?: string;
}

/** The exemptions, each with its rule, still in force at `now` and ending within `days` after it. */
export function exemptionsExpiringSoon<E extends ExpiringExemption>(
  rules: ReadonlyArray<{ readonly configRuleName: string; readonly exemptions?: readonly E[] }>, now: Date, days: number,
): Array<{ configRuleName: string; exemption: E }> {
  const from = now.toISOString();
  const until = new Date(now.getTime() + days * 86_400_000).toISOString();
  return rules.flatMap(({ configRuleName, exemptions }) => (exemptions ?? [])
    .filter((exemption) => exemption.expiresAt !== undefined && exemption.expiresAt > from && exemption.expiresAt <= until)
    .map((exemption) => ({ configRuleName, exemption })));
}

/**
 * An exemption's id: the SHA-256 of its rule, what it covers and when it ends. A notice of its
 * expiry is recorded under it, so that it is sent once; an exemption extended is a new one.
 */
export function exemptionId(configRuleName: string, exemption: ExpiringExemption): string {
  const covers = exemption.resourceIds ? { resourceIds: [...exemption.resourceIds] } : { tag: exemption.tag };
  return createHash('sha256').update(JSON.stringify([configRuleName, covers, exemption.expiresAt ?? null])).digest('hex');
}
