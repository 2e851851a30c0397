import { expiryInstantOf, isValidReason, isValidRecord, isValidTag, MAX_EXEMPTION_REASON_LENGTH, MAX_EXEMPTION_RECORD_LENGTH } from '../core/rules/exemption-rules';

/** Options of every exemption. */
export interface ExemptionOptions {
  /** Why the violation is accepted, e.g. a ticket or a risk acceptance; recorded with each exempt finding. */
  readonly reason: string;
  /**
   * Last day (UTC) the exemption applies, as `YYYY-MM-DD`; from the next day its findings count,
   * and alert, again.
   * @default - never expires
   */
  readonly expires?: string;
  /**
   * Who approved the exemption (a person, a role, a risk board), shown with each finding it covers
   * and in the reports: 1 to 128 characters.
   * @default - not recorded
   */
  readonly approvedBy?: string;
  /**
   * The ticket that records the exemption, e.g. `RISK-42`, shown with each finding it covers and in
   * the reports: 1 to 128 characters.
   * @default - not recorded
   */
  readonly ticket?: string;
}

/** The first instant the exemption no longer applies: the day after `expires`, at midnight UTC. */
function expiryInstant(expires: string | undefined): string | undefined {
  if (expires === undefined) {
    return undefined;
  }
  const instant = expiryInstantOf(expires);
  if (!instant) {
    throw new Error(`Exemption: expires "${expires}" is not a date; write it as YYYY-MM-DD, e.g. "2027-03-31".`);
  }
  return instant;
}

function validRecord(name: 'approvedBy' | 'ticket', text: string | undefined): string | undefined {
  if (text !== undefined && !isValidRecord(text)) {
    throw new Error(`Exemption: ${name} must have 1 to ${MAX_EXEMPTION_RECORD_LENGTH} characters, or be left out.`);
  }
  return text;
}

function validReason(reason: string): string {
  if (!isValidReason(reason)) {
    throw new Error(`Exemption: reason must have 1 to ${MAX_EXEMPTION_REASON_LENGTH} characters; say why the violation is accepted.`);
  }
  return reason;
}

/**
 * Violations of a rule that are accepted: by resource id, or by a tag. An exempt finding is
 * recorded as EXEMPT, never alerted or remediated, and counted apart in reports; once its expiry
 * date has passed, the exemption stops applying on its own.
 *
 * @example
 * ComplianceRule.restrictedSsh({
 *   exemptions: [Exemption.ofTag('compliance-exempt', 'bastion', { reason: 'RISK-42: bastion hosts', expires: '2027-03-31' })],
 * });
 */
export class Exemption {
  /** Exempts the resources of these ids (a bucket name, `i-…`, `sg-…`, a DB instance's resource id…). */
  public static ofResources(resourceIds: string[], options: ExemptionOptions): Exemption {
    if (resourceIds.length === 0 || resourceIds.some((id) => id.trim().length === 0)) {
      throw new Error('Exemption.ofResources: resourceIds must list at least one resource id, none empty.');
    }
    return new Exemption(options, [...resourceIds]);
  }

  /** Exempts the resources that carry this tag with this value (case-sensitive, as AWS compares tags). */
  public static ofTag(key: string, value: string, options: ExemptionOptions): Exemption {
    if (!isValidTag(key, value)) {
      throw new Error(`Exemption.ofTag: tag "${key}=${value}" is not a valid AWS tag; a key has 1 to 128 characters, a value ` +
        'at most 256, both of letters, digits, spaces and _ . : / = + - @.');
    }
    return new Exemption(options, undefined, { key, value });
  }

  /** Why the violations are accepted. */
  public readonly reason: string;
  /** Who approved the exemption; undefined when not recorded. */
  public readonly approvedBy?: string;
  /** The ticket that records it; undefined when not recorded. */
  public readonly ticket?: string;
  /** The last day the exemption applies (`YYYY-MM-DD`); undefined when it never expires. */
  public readonly expires?: string;
  /** The first instant it no longer applies (ISO 8601): midnight UTC after `expires`. */
  public readonly expiresAt?: string;
  /** The exempt resource ids; undefined for a tag exemption. */
  public readonly resourceIds?: string[];
  /** The tag key of a tag exemption. */
  public readonly tagKey?: string;
  /** The tag value of a tag exemption. */
  public readonly tagValue?: string;

  private constructor(options: ExemptionOptions, resourceIds?: string[], tag?: { key: string; value: string }) {
    this.reason = validReason(options.reason);
    this.approvedBy = validRecord('approvedBy', options.approvedBy);
    this.ticket = validRecord('ticket', options.ticket);
    this.expires = options.expires;
    this.expiresAt = expiryInstant(options.expires);
    this.resourceIds = resourceIds;
    this.tagKey = tag?.key;
    this.tagValue = tag?.value;
  }
}
