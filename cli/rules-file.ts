import { InputError, RuleSpec } from '../src/core/engine';
import { asRecord } from '../src/core/engine/values';
import { RULE_CATALOG, SEVERITY_NAMES } from '../src/core/rules/catalog';
import { expiryInstantOf, isValidReason, isValidRecord, isValidTag, MAX_EXEMPTION_REASON_LENGTH, MAX_EXEMPTION_RECORD_LENGTH } from '../src/core/rules/exemption-rules';
import type { DeployedExemption } from '../src/core/settings/deployed-rule';

/** A rule of a `--rules` file: what the engine runs, how serious a violation is, and what is exempt. */
export interface RulesFileRule {
  readonly spec: RuleSpec;
  /** Undefined for the rule's default severity. */
  readonly severity?: string;
  readonly exemptions: readonly DeployedExemption[];
}

const DOCUMENT_KEYS = ['rules'];
const RULE_KEYS = ['name', 'parameters', 'severity', 'resourceTypes', 'exemptions'];
const EXEMPTION_KEYS = ['resourceIds', 'tag', 'reason', 'expires', 'approvedBy', 'ticket'];
const TAG_KEYS = ['key', 'value'];

const EXAMPLE = '{"rules": [{"name": ..., "parameters": {...}}, ...]}';

/** Refuses keys other than `allowed`, naming the first unknown one and the accepted ones. */
function checkKeys(record: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(record).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new InputError(`${where}: unknown key "${unknown}" (accepted: ${allowed.join(', ')})`);
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && entry.trim().length > 0);
}

/** The first instant an exemption no longer applies: the day after its last day, at midnight UTC, as the construct computes it. */
function expiryInstant(expires: unknown, where: string): string | undefined {
  if (expires === undefined) {
    return undefined;
  }
  const instant = typeof expires === 'string' ? expiryInstantOf(expires) : undefined;
  if (!instant) {
    throw new InputError(`${where}: "expires" must be the last day the exemption applies, as YYYY-MM-DD, e.g. "2027-03-31" (got ${JSON.stringify(expires)})`);
  }
  return instant;
}

function exemptionTag(value: unknown, where: string): { key: string; value: string } {
  const tag = asRecord(value);
  if (tag) {
    checkKeys(tag, TAG_KEYS, `${where}.tag`);
  }
  const valid = typeof tag?.key === 'string' && typeof tag.value === 'string' && isValidTag(tag.key, tag.value);
  if (!valid) {
    throw new InputError(`${where}: "tag" must be {"key": ..., "value": ...}, a valid AWS tag (a key of 1 to 128 characters, a value of at most 256)`);
  }
  return { key: tag!.key as string, value: tag!.value as string };
}

/** An exemption's approvedBy or ticket, when given. */
function exemptionRecord(value: unknown, name: string, where: string): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !isValidRecord(value))) {
    throw new InputError(`${where}: "${name}" must have 1 to ${MAX_EXEMPTION_RECORD_LENGTH} characters, or be left out`);
  }
  return value;
}

/** An exemption as the construct's Exemption.ofResources or Exemption.ofTag takes it. */
function exemptionOf(raw: unknown, where: string): DeployedExemption {
  const exemption = asRecord(raw);
  if (!exemption) {
    throw new InputError(`${where} must be an object: {"resourceIds": [...], "reason": ...} or {"tag": {"key": ..., "value": ...}, "reason": ...}`);
  }
  checkKeys(exemption, EXEMPTION_KEYS, where);
  const { resourceIds, tag, reason } = exemption;
  if ((resourceIds === undefined) === (tag === undefined)) {
    throw new InputError(`${where} needs either "resourceIds" or "tag"`);
  }
  if (resourceIds !== undefined && !isStringList(resourceIds)) {
    throw new InputError(`${where}: "resourceIds" must list at least one resource id, none empty`);
  }
  if (typeof reason !== 'string' || !isValidReason(reason)) {
    throw new InputError(`${where}: "reason" must have 1 to ${MAX_EXEMPTION_REASON_LENGTH} characters; say why the violation is accepted`);
  }
  const expiresAt = expiryInstant(exemption.expires, where);
  const approvedBy = exemptionRecord(exemption.approvedBy, 'approvedBy', where);
  const ticket = exemptionRecord(exemption.ticket, 'ticket', where);
  return {
    ...(resourceIds !== undefined ? { resourceIds: resourceIds as string[] } : { tag: exemptionTag(tag, where) }),
    reason,
    ...(approvedBy !== undefined ? { approvedBy } : {}),
    ...(ticket !== undefined ? { ticket } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

function ruleOf(raw: unknown, index: number): RulesFileRule {
  const rule = asRecord(raw);
  if (typeof rule?.name !== 'string') {
    throw new InputError(`rules[${index}] needs a "name", e.g. "required-tags"`);
  }
  const where = `rules[${index}] ("${rule.name}")`;
  checkKeys(rule, RULE_KEYS, where);
  const parameters = rule.parameters ?? {};
  if (asRecord(parameters) === undefined) {
    throw new InputError(`${where}: "parameters" must be an object of strings`);
  }
  const { severity, resourceTypes, exemptions } = rule;
  if (severity !== undefined && !(SEVERITY_NAMES as readonly unknown[]).includes(severity)) {
    throw new InputError(`${where}: "severity" must be one of ${SEVERITY_NAMES.join(', ')} (got ${JSON.stringify(severity)})`);
  }
  const scope = RULE_CATALOG.get(rule.name)?.resourceTypes;
  if (resourceTypes !== undefined && scope !== undefined && !(isStringList(resourceTypes) && resourceTypes.every((type) => scope.includes(type)))) {
    throw new InputError(`${where}: "resourceTypes" must be a non-empty subset of ${scope.join(', ')}`);
  }
  if (exemptions !== undefined && !Array.isArray(exemptions)) {
    throw new InputError(`${where}: "exemptions" must be a list`);
  }
  return {
    spec: { ruleName: rule.name, parameters: parameters as Record<string, string>, resourceTypes: resourceTypes as string[] | undefined },
    severity: severity as string | undefined,
    exemptions: (exemptions ?? []).map((exemption, number) => exemptionOf(exemption, `${where}.exemptions[${number}]`)),
  };
}

/**
 * The rules of a `--rules` file: `{"rules": [{"name": "required-tags", "parameters": {"tag1Key": "Owner"}}]}`,
 * with AWS managed-rule names and parameter names, and per rule what the construct takes besides:
 * `severity`, `resourceTypes` and `exemptions`. Each rule once; unknown keys are refused.
 * Parameters are validated when the rules compile.
 */
export function rulesFromDocument(document: unknown): RulesFileRule[] {
  const record = asRecord(document);
  const rules = record?.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new InputError(`expected ${EXAMPLE} with at least one rule`);
  }
  checkKeys(record!, DOCUMENT_KEYS, 'the rules file');
  const parsed = rules.map(ruleOf);
  parsed.forEach(({ spec }, index) => {
    const first = parsed.findIndex((other) => other.spec.ruleName === spec.ruleName);
    if (first !== index) {
      throw new InputError(`rules[${index}]: rule "${spec.ruleName}" is already rules[${first}]; give each rule once`);
    }
  });
  return parsed;
}
