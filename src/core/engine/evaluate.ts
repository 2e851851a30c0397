import { toConfigurationItem, UNJUDGED_STATUSES } from './configuration-item';
import { exemptionInForce } from './exemptions';
import { RULE_IMPLEMENTATIONS } from './rules';
import { ConfigurationItem, Evaluation, ItemCheck, ResultType, RuleSpec, Verdict } from './types';
import { annotationLine, notApplicable, sharedVerdicts } from './verdict';
import { isBuiltInRuleName, parameterProblems, RULE_CATALOG } from '../rules/catalog';
import type { DeployedExemption } from '../settings/deployed-rule';

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

/** A rule of an offline evaluation: the compiled rule, its severity and its exemptions, as the construct takes them. */
export interface OfflineRule {
  readonly rule: CompiledRule;
  readonly severity?: string;
  readonly exemptions?: readonly DeployedExemption[];
}

/** A result of an offline evaluation, as reports count it. */
export interface OfflineEvaluation {
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly complianceType: ResultType;
  readonly annotation: string;
  readonly severity?: string;
}

/** What a rule found for one resource; verdicts are shared objects, so a resource keeps only references. */
interface OfflineVerdict {
  readonly complianceType: ResultType;
  readonly annotation: string;
}

/** The newest item of a resource seen so far: its order, and its verdicts in the order of its type's rules. */
interface Newest {
  time: number;
  state: number;
  verdicts: readonly OfflineVerdict[];
}

interface TypeRules {
  readonly rules: readonly OfflineRule[];
  readonly resources: Map<string, Newest>;
}

/** A capture time or state id as a number that orders items; -Infinity when the item does not record it. */
function ordinal(value: number | string | undefined, parse: (text: string) => number): number {
  const number = typeof value === 'number' ? value : value === undefined ? NaN : parse(value);
  return Number.isNaN(number) ? -Infinity : number;
}

function insufficientData(location: string): OfflineVerdict {
  return { complianceType: 'INSUFFICIENT_DATA', annotation: annotationLine(`Configuration not in the notification (oversized); it is at ${location}`) };
}

/**
 * The evaluation of the newest item of each resource, over items read in any order and from any
 * number of inputs: a resource's items are ordered by configurationItemCaptureTime, then by
 * configurationStateId, and only the newest counts (get-resource-config-history returns every
 * version; a snapshot given twice counts once). Memory holds, per resource, its order and
 * references to its verdicts, never an item. Items of types no rule judges are counted, per type.
 */
export class NewestItemEvaluations {
  private readonly byType = new Map<string, TypeRules>();
  /** The judged types in the order their first item was read, so that the report follows the input. */
  private readonly typesRead: Array<[string, TypeRules]> = [];
  private readonly skipped = new Map<string, Set<string>>();

  /** `now` decides which exemptions are in force. */
  public constructor(rules: readonly OfflineRule[], private readonly now: Date) {
    for (const rule of rules) {
      for (const resourceType of rule.rule.resourceTypes) {
        const entry = this.byType.get(resourceType);
        this.byType.set(resourceType, { rules: [...(entry?.rules ?? []), rule], resources: entry?.resources ?? new Map() });
      }
    }
  }

  /** Reads one item: judged when it is its resource's newest so far, counted when no rule judges its type. */
  public add(item: ConfigurationItem): void {
    const { resourceType, resourceId } = item;
    const typeRules = this.byType.get(resourceType);
    if (typeRules === undefined) {
      const ids = this.skipped.get(resourceType) ?? new Set<string>();
      this.skipped.set(resourceType, ids.add(resourceId));
      return;
    }
    const time = ordinal(item.configurationItemCaptureTime, Date.parse);
    const state = ordinal(item.configurationStateId, Number);
    const kept = typeRules.resources.get(resourceId);
    if (kept === undefined) {
      if (typeRules.resources.size === 0) {
        this.typesRead.push([resourceType, typeRules]);
      }
      typeRules.resources.set(resourceId, { time, state, verdicts: this.judge(item, typeRules.rules) });
    } else if (time > kept.time || (time === kept.time && state > kept.state)) {
      kept.time = time;
      kept.state = state;
      kept.verdicts = this.judge(item, typeRules.rules);
    }
  }

  /** Each rule's result on the newest item of each resource it judges: by resource type, types and resources in the order first read. */
  public *evaluations(): Generator<OfflineEvaluation> {
    for (const [resourceType, { rules, resources }] of this.typesRead) {
      for (const [resourceId, { verdicts }] of resources) {
        for (let index = 0; index < rules.length; index++) {
          const { complianceType, annotation } = verdicts[index];
          const { rule, severity } = rules[index];
          yield { configRuleName: rule.ruleName, resourceType, resourceId, complianceType, annotation, severity };
        }
      }
    }
  }

  /** The resources whose type no rule judges, counted once each, by resource type. */
  public skippedItemsByResourceType(): Record<string, number> {
    return Object.fromEntries([...this.skipped].map(([resourceType, ids]) => [resourceType, ids.size]));
  }

  private judge(item: ConfigurationItem, rules: readonly OfflineRule[]): OfflineVerdict[] {
    const status = item.configurationItemStatus;
    if (UNJUDGED_STATUSES.has(status)) {
      return rules.map(() => unjudged(status));
    }
    if (item.configurationLocation !== undefined) {
      const verdict = insufficientData(item.configurationLocation);
      return rules.map(() => verdict);
    }
    return rules.map(({ rule, exemptions }) => {
      const verdict = rule.check(item);
      if (verdict.complianceType !== 'NON_COMPLIANT' || exemptions === undefined || exemptions.length === 0) {
        return verdict;
      }
      const exemption = exemptionInForce(exemptions, item.resourceId, (_, tag) => item.tags[tag.key] === tag.value, this.now);
      return exemption ? { complianceType: 'EXEMPT', annotation: annotationLine(`Exempt (${exemption.reason}): ${verdict.annotation}`) } : verdict;
    });
  }
}
