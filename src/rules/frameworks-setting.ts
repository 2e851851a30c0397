import { Framework } from './framework';
import { RuleSet } from './rule-set';
import type { FrameworksSetting } from '../core/frameworks';

/**
 * What REPORT_FRAMEWORKS may take of the aggregator's environment: Lambda allows 4 KB in all, and
 * the rule names of 40 rules take about 1.4 KB of it, the other variables a few hundred bytes.
 */
const MAX_FRAMEWORKS_SETTING_LENGTH = 2000;

/**
 * What the aggregator needs to show the frameworks' controls: the frameworks, and each rule's
 * controls where the library's mapping does not give them (custom frameworks, a rule's `controls`).
 * Throws where a rule maps controls of a framework the monitor does not report.
 */
export function frameworksSetting(frameworks: readonly Framework[], ruleSet: RuleSet): FrameworksSetting {
  const ids = frameworks.map((framework) => framework.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) {
    throw new Error(`frameworks: ${[...new Set(repeated)].join(', ')} given twice; give each framework once.`);
  }
  const unreported = ruleSet.rules.flatMap((rule) => rule.controls
    .filter((entry) => !ids.includes(entry.framework.id))
    .map((entry) => `rule "${rule.ruleName}" maps controls of framework ${entry.framework.id}`));
  if (unreported.length > 0) {
    throw new Error(`frameworks: ${unreported.join('; ')}, which frameworks does not list; add it to frameworks, or drop the rule's controls for it.`);
  }
  const controls: Record<string, Record<string, string[]>> = {};
  for (const framework of frameworks) {
    for (const rule of ruleSet.rules) {
      // A built-in framework's rule is written only when its controls were given (an empty list
      // replaces the mapping); a custom framework's whenever it has some.
      const given = rule.controls.some((entry) => entry.framework.id === framework.id);
      const ruleControls = rule.controlsIn(framework);
      if (framework.isBuiltIn ? given : ruleControls.length > 0) {
        (controls[framework.id] ??= {})[rule.ruleName] = ruleControls;
      }
    }
  }
  const setting: FrameworksSetting = {
    frameworks: frameworks.map((framework) => framework.isBuiltIn
      ? { id: framework.id }
      : { id: framework.id, name: framework.name, ...(framework.version !== undefined ? { version: framework.version } : {}) }),
    ...(Object.keys(controls).length > 0 ? { controls } : {}),
  };
  const length = JSON.stringify(setting).length;
  if (length > MAX_FRAMEWORKS_SETTING_LENGTH) {
    throw new Error(`frameworks: the custom frameworks' and the rules' own controls take ${length} characters of the aggregator's environment, ` +
      `over the ${MAX_FRAMEWORKS_SETTING_LENGTH} that Lambda's 4 KB limit leaves: map fewer controls, or report fewer custom frameworks.`);
  }
  return setting;
}
