import { ComplianceRule } from './compliance-rule';
import { Framework } from './framework';
import { BuiltInFrameworkId, frameworkRules } from '../core/frameworks';
import { FOUNDATIONAL_RULE_NAMES, RECOMMENDED_RULES } from '../core/rules/catalog';

/**
 * The rules a monitor deploys, at most one per rule name. Immutable: `withRules` and
 * `withoutRules` return a new set.
 *
 * @example
 * const rules = RuleSet.recommended()
 *   .withoutRules('required-tags')
 *   .withRules(ComplianceRule.requiredTags({ tags: { Owner: [], DataClass: ['public', 'internal', 'secret'] } }));
 */
export class RuleSet {
  /**
   * The rules every monitor should run and that need no input: S3 bucket encryption, RDS storage
   * encryption and backups, EC2 IMDSv2, required tags Environment, Owner and CostCenter, SSH and
   * common ports closed to the world, and encrypted EBS volumes.
   */
  public static recommended(): RuleSet {
    return RuleSet.of(...RECOMMENDED_RULES.map((rule) => ComplianceRule.builtIn(rule.ruleName, { parameters: rule.parameters })));
  }

  /**
   * Every built-in rule that needs no parameter, each with AWS's defaults, in the catalog's order:
   * the widest set a monitor can deploy without input. Unlike `recommended()` it grows as built-in
   * rules are added, so a new version of the library may deploy more rules with it.
   */
  public static foundational(): RuleSet {
    return RuleSet.of(...FOUNDATIONAL_RULE_NAMES.map((ruleName) => ComplianceRule.builtIn(ruleName)));
  }

  /**
   * The built-in rules that a framework's controls map to, in catalog order. For a built-in
   * framework each has the parameters AWS's conformance pack for it uses (AWS's defaults where it
   * gives none), and a mapped rule that needs a parameter the pack does not give is left out: the
   * set deploys without input. For a custom framework, the built-in rules its catalogue names, with
   * AWS's defaults.
   */
  public static forFramework(framework: Framework): RuleSet {
    if (framework.isBuiltIn) {
      return RuleSet.of(...frameworkRules(framework.id as BuiltInFrameworkId)
        .map((rule) => ComplianceRule.builtIn(rule.ruleName, { parameters: rule.parameters })));
    }
    // The foundational rules are exactly those that need no parameter.
    const needInput = framework.mappedRuleNames.filter((ruleName) => !FOUNDATIONAL_RULE_NAMES.includes(ruleName));
    if (needInput.length > 0) {
      throw new Error(`RuleSet.forFramework: framework "${framework.id}" maps ${needInput.join(', ')}, which need parameters; ` +
        'build the set with RuleSet.of(...) and the rules\' factories instead.');
    }
    return RuleSet.of(...framework.mappedRuleNames.map((ruleName) => ComplianceRule.builtIn(ruleName)));
  }

  /** A set of exactly these rules. */
  public static of(...rules: ComplianceRule[]): RuleSet {
    return new RuleSet([]).withRules(...rules);
  }

  /** The rules, in the order they were added. */
  public readonly rules: ComplianceRule[];

  private constructor(rules: ComplianceRule[]) {
    this.rules = rules;
  }

  /** The names of the set's rules, in order (without the environment suffix). */
  public get ruleNames(): string[] {
    return this.rules.map((rule) => rule.ruleName);
  }

  /** The rule of that name, if the set has it. */
  public findRule(ruleName: string): ComplianceRule | undefined {
    return this.rules.find((rule) => rule.ruleName === ruleName);
  }

  /** This set plus the given rules; a name already in the set is an error. */
  public withRules(...rules: ComplianceRule[]): RuleSet {
    const names = new Set(this.ruleNames);
    for (const rule of rules) {
      if (names.has(rule.ruleName)) {
        throw new Error(`RuleSet: rule "${rule.ruleName}" is already in the set; remove it with withoutRules("${rule.ruleName}") first.`);
      }
      names.add(rule.ruleName);
    }
    return new RuleSet([...this.rules, ...rules]);
  }

  /** This set without the named rules; a name not in the set is an error. */
  public withoutRules(...names: string[]): RuleSet {
    const unknown = names.filter((name) => !this.findRule(name));
    if (unknown.length > 0) {
      throw new Error(`RuleSet: no rule named ${unknown.map((name) => `"${name}"`).join(', ')} in the set; it has ${this.ruleNames.join(', ')}.`);
    }
    return new RuleSet(this.rules.filter((rule) => !names.includes(rule.ruleName)));
  }
}
