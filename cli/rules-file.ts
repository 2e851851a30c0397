import { InputError, RuleSpec } from '../src/core/engine';
import { asRecord } from '../src/core/engine/values';

/**
 * The rules of a `--rules` file: `{"rules": [{"name": "required-tags", "parameters": {"tag1Key": "Owner"}}]}`,
 * with AWS managed-rule names and parameter names. Parameters are validated when the rules compile.
 */
export function rulesFromDocument(document: unknown): RuleSpec[] {
  const rules = asRecord(document)?.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new InputError('expected {"rules": [{"name": ..., "parameters": {...}}, ...]} with at least one rule');
  }
  return rules.map((raw, index) => {
    const rule = asRecord(raw);
    if (typeof rule?.name !== 'string') {
      throw new InputError(`rules[${index}] needs a "name", e.g. "required-tags"`);
    }
    const parameters = rule.parameters ?? {};
    if (asRecord(parameters) === undefined) {
      throw new InputError(`rules[${index}] ("${rule.name}"): "parameters" must be an object of strings`);
    }
    return { ruleName: rule.name, parameters: parameters as Record<string, string> };
  });
}
