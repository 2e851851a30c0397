import { builtInControls } from './controls';
import { BUILT_IN_FRAMEWORKS, isBuiltInFrameworkId } from './frameworks';
import type { ReportFramework } from '../report/controls';

/**
 * The frameworks a deployed monitor's reports show, as the construct writes them for the
 * aggregator: only what the library's own mappings do not give, so that the setting stays small.
 */
export interface FrameworksSetting {
  /** In the order reports show them; a built-in framework by its id alone. */
  readonly frameworks: ReadonlyArray<{ readonly id: string; readonly name?: string; readonly version?: string }>;
  /**
   * By framework id, then rule name: the rule's controls where they are not the built-in mapping
   * (a custom framework's, or controls a rule adds or replaces). An empty list: the rule maps to none.
   */
  readonly controls?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** A rule of the set: its name, and its name in evaluations (the deployed Config rule's, or the same in the CLI). */
export interface ReportedRuleName {
  readonly ruleName: string;
  readonly configRuleName: string;
}

/** The frameworks of a setting, each with the controls of the set's rules, keyed as evaluations name the rules. */
export function reportFrameworks(setting: FrameworksSetting, rules: readonly ReportedRuleName[]): ReportFramework[] {
  return setting.frameworks.map(({ id, name, version }) => {
    const builtIn = isBuiltInFrameworkId(id) ? BUILT_IN_FRAMEWORKS.get(id) : undefined;
    const given = setting.controls?.[id] ?? {};
    const controlsByRule: Record<string, readonly string[]> = {};
    for (const { ruleName, configRuleName } of rules) {
      const controls = given[ruleName] ?? (isBuiltInFrameworkId(id) ? builtInControls(ruleName, id) : []);
      if (controls.length > 0) {
        controlsByRule[configRuleName] = controls;
      }
    }
    return { id, name: name ?? builtIn?.name ?? id, version: version ?? builtIn?.version, controlsByRule };
  });
}
