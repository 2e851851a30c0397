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

/** A reason that says something, within what the findings table records. */
export function isValidReason(reason: string): boolean {
  return reason.trim().length > 0 && reason.length <= MAX_EXEMPTION_REASON_LENGTH;
}
