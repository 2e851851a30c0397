import { toConfigurationItem, UNJUDGED_STATUSES } from './configuration-item';
import { RULE_IMPLEMENTATIONS } from './rules';
import { ConfigurationItem, Evaluation, ItemCheck, RuleSpec, Verdict } from './types';
import { notApplicable, sharedVerdicts } from './verdict';
import { isBuiltInRuleName, parameterProblems, RULE_CATALOG } from '../rules/catalog';

/** A rule ready to run: parameters parsed once, scope as a set. */
export interface CompiledRule {
  readonly ruleName: string;
  readonly resourceTypes: ReadonlySet<string>;
  readonly check: ItemCheck;
}

/** Thrown for a rule the engine cannot run: unknown name or invalid parameters. */
export class RuleSpecError extends Error {}

/** Validates a rule spec and prepares it; throws a RuleSpecError naming the rule and parameter. */
export function compileRule(spec: RuleSpec): CompiledRule {
  const parameters = spec.parameters ?? {};
  const problems = parameterProblems(spec.ruleName, parameters, true);
  // parameterProblems names an unknown rule too; the guard tells the compiler.
  if (problems.length > 0 || !isBuiltInRuleName(spec.ruleName)) {
    throw new RuleSpecError(problems.join('; '));
  }
  const implementation = RULE_IMPLEMENTATIONS[spec.ruleName];
  return {
    ruleName: spec.ruleName,
    resourceTypes: new Set(spec.resourceTypes ?? RULE_CATALOG.get(spec.ruleName)!.resourceTypes),
    check: implementation.compile(parameters),
  };
}

function isCompiled(rule: RuleSpec | CompiledRule): rule is CompiledRule {
  return 'check' in rule;
}

/** Whether the rule judges the item at all: its resource type is in the rule's scope. */
function inScope(item: ConfigurationItem, rule: CompiledRule): boolean {
  return rule.resourceTypes.has(item.resourceType);
}

/** Deleted and unrecorded resources are NOT_APPLICABLE, as Config reports them. */
const unjudged = sharedVerdicts((status: string) => notApplicable(`${UNJUDGED_STATUSES.get(status)} (${status})`));

/** The verdict of an in-scope item. */
function judge(item: ConfigurationItem, rule: CompiledRule): Verdict {
  return UNJUDGED_STATUSES.has(item.configurationItemStatus) ? unjudged(item.configurationItemStatus) : rule.check(item);
}

/**
 * One rule's verdict on one configuration item, with AWS's semantics for the managed rule of the
 * same name. Never throws for any item: what is not a configuration item, or not in the rule's
 * scope, is NOT_APPLICABLE.
 */
export function evaluate(item: unknown, rule: RuleSpec | CompiledRule): Verdict {
  const compiled = isCompiled(rule) ? rule : compileRule(rule);
  const configurationItem = toConfigurationItem(item);
  if (!configurationItem) {
    return notApplicable('Not a configuration item (no resourceType and resourceId)');
  }
  if (!inScope(configurationItem, compiled)) {
    return notApplicable(`${configurationItem.resourceType} is not evaluated by ${compiled.ruleName}`);
  }
  return judge(configurationItem, compiled);
}

/** The rules of each resource type, so that an item meets only the rules that judge it. */
function rulesByResourceType(rules: readonly CompiledRule[]): Map<string, CompiledRule[]> {
  const byType = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const resourceType of rule.resourceTypes) {
      byType.set(resourceType, [...(byType.get(resourceType) ?? []), rule]);
    }
  }
  return byType;
}

/** Every rule's verdict on every item in its scope, in the order of the rules; out-of-scope pairs produce no evaluation. */
export function evaluateItems(items: Iterable<ConfigurationItem>, rules: readonly CompiledRule[]): Evaluation[] {
  const byType = rulesByResourceType(rules);
  const evaluations: Evaluation[] = [];
  for (const item of items) {
    const rulesOfType = byType.get(item.resourceType);
    if (rulesOfType === undefined) {
      continue;
    }
    // Read once per item, not once per rule: items of many shapes make every property read slow.
    const { resourceType, resourceId, configurationItemStatus } = item;
    const judged = !UNJUDGED_STATUSES.has(configurationItemStatus);
    for (const rule of rulesOfType) {
      const { complianceType, annotation } = judged ? rule.check(item) : unjudged(configurationItemStatus);
      evaluations.push({ configRuleName: rule.ruleName, resourceType, resourceId, complianceType, annotation });
    }
  }
  return evaluations;
}
