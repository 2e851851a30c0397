import { Severity } from '../rules/severity';

/** An exemption as the handlers read it. */
export interface DeployedExemption {
  /** The exempt resource ids; absent for a tag exemption. */
  readonly resourceIds?: string[];
  /** The tag of a tag exemption. */
  readonly tag?: { readonly key: string; readonly value: string };
  readonly reason: string;
  /** The first instant (ISO 8601) the exemption no longer applies; absent when it never expires. */
  readonly expiresAt?: string;
}

/** A rule as the construct deployed it, and as the handlers read it from their `RULES` variable. */
export interface DeployedRule {
  /** `{rule}-{environmentSuffix}`. */
  readonly configRuleName: string;
  /** The rule's name in the catalog (`required-tags`), or a managed or custom rule's own name. */
  readonly ruleName: string;
  readonly severity: Severity;
  readonly evaluationMode: string;
  /** Absent when the rule has none. */
  readonly exemptions?: DeployedExemption[];
  /** Present, and true, when the remediator fixes the rule's new violations. */
  readonly autoRemediate?: true;
  /** The rule's parameters, which the remediator reads; present only with `autoRemediate`. */
  readonly parameters?: { readonly [name: string]: string };
}

/**
 * Lambda allows 4 KB of environment variables per function; the other variables take under 800
 * bytes, so the rules get the rest.
 */
const MAX_RULES_SETTING_LENGTH = 3300;

/** The `RULES` variable, as the handlers decode it; throws when exemptions or parameters make it too long for Lambda. */
export function encodeRulesSetting(rules: readonly DeployedRule[]): string {
  const setting = JSON.stringify(rules);
  if (setting.length > MAX_RULES_SETTING_LENGTH) {
    throw new Error(`rules: the rule set takes ${setting.length} characters of the functions' environment, over the ` +
      `${MAX_RULES_SETTING_LENGTH} that Lambda's 4 KB limit leaves: exempt resources by tag (Exemption.ofTag) instead of listing their ids.`);
  }
  return setting;
}
