import { BuiltInFrameworkId } from './frameworks';
import { PACK_PARAMETERS, RULE_CONTROLS } from './mappings';
import { isBuiltInRuleName, RULE_CATALOG, RuleParameters } from '../rules/catalog';

/**
 * A built-in rule's controls in a built-in framework, as its default mappings give them (mappings
 * kept only as a cited alternative are left out), in the order of the data; none for other rules.
 */
export function builtInControls(ruleName: string, framework: BuiltInFrameworkId): string[] {
  const mappings = isBuiltInRuleName(ruleName) ? RULE_CONTROLS[ruleName][framework] ?? [] : [];
  return mappings.filter((mapping) => !mapping.alternative).map((mapping) => mapping.control);
}

/** Whether the rule needs a parameter that the given ones lack. */
function lacksRequiredParameter(ruleName: string, parameters: Readonly<Record<string, string>>): boolean {
  const definition = RULE_CATALOG.get(ruleName);
  return Object.entries(definition?.parameters ?? {}).some(([name, parameter]) => parameter.required && parameters[name] === undefined);
}

/**
 * The built-in rules that a framework's controls map to, in catalog order, each with the parameters
 * AWS's conformance pack for the framework gives it (AWS's defaults otherwise). A mapped rule that
 * needs a parameter the pack does not give is left out: the set must deploy without input.
 */
export function frameworkRules(framework: BuiltInFrameworkId): RuleParameters[] {
  return [...RULE_CATALOG.keys()]
    .filter((ruleName) => builtInControls(ruleName, framework).length > 0)
    .map((ruleName) => ({ ruleName, parameters: PACK_PARAMETERS[framework]?.[ruleName] ?? {} }))
    .filter(({ ruleName, parameters }) => !lacksRequiredParameter(ruleName, parameters));
}
