import { toConfigurationItem, UNJUDGED_STATUSES } from './configuration-item';
import { exemptionInForce } from './exemptions';
import { RULE_IMPLEMENTATIONS } from './rules';
import { SkippedItems } from './skipped-items';
import { ConfigurationItem, Evaluation, ItemCheck, ResultType, RuleSpec, Verdict } from './types';
import { annotationLine, notApplicable, sharedVerdicts } from './verdict';
import { isBuiltInRuleName, parameterProblems, RULE_CATALOG } from '../rules/catalog';
import { exemptionDescription } from '../rules/exemption-rules';
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
  /** The parameters as given, for the report's scope. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** A result of an offline evaluation, as reports count it, with its evidence where the item has it. */
export interface OfflineEvaluation {
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly complianceType: ResultType;
  readonly annotation: string;
  readonly severity?: string;
  readonly arn?: string;
  readonly awsAccountId?: string;
  readonly awsRegion?: string;
  readonly configurationItemCaptureTime?: string;
  readonly configurationStateId?: string;
  /** When the engine judged the item: the evaluation's `now`. */
  readonly resultRecordedTime: string;
}

/**
 * Where a resource is, shared by the resources alike: its account, region, and its ARN less its
 * resource id (most ARNs end with it), or the whole ARN when it does not (IAM names its roles' ARNs by name).
 */
interface ResourceContext {
  readonly awsAccountId?: string;
  readonly awsRegion?: string;
  readonly arnPrefix?: string;
  readonly arn?: string;
}

/** Contexts kept before sharing stops: bounds memory when every resource has its own. */
const SHARED_CONTEXTS_MAX = 4096;

/** What a rule found for one resource; verdicts are shared objects, so a resource keeps only references. */
export interface OfflineVerdict {
  readonly complianceType: ResultType;
  readonly annotation: string;
}

/** The resources of one judged type: each resource's index in the evaluation's columns. */
interface TypeRules {
  readonly rules: readonly OfflineRule[];
  readonly resources: Map<string, number>;
  /** Verdict lists already built, by their verdicts: resources that fare alike share one list. */
  readonly shared: VerdictTrie;
}

/** Verdict lists by their verdicts, one level per rule; nodes are verdict objects, shared ones mostly. */
interface VerdictTrie {
  list?: readonly OfflineVerdict[];
  readonly next: Map<OfflineVerdict, VerdictTrie>;
}

/** Trie nodes built before sharing stops: bounds memory when verdicts name each resource (an exemption's, a tag value's). */
const SHARED_LISTS_MAX = 4096;

/** A capture time or state id as a number that orders items; -Infinity when the item does not record it. */
function ordinal(value: number | string | undefined, parse: (text: string) => number): number {
  const number = typeof value === 'number' ? value : value === undefined ? NaN : parse(value);
  return Number.isNaN(number) ? -Infinity : number;
}

function insufficientData(location: string): OfflineVerdict {
  return { complianceType: 'INSUFFICIENT_DATA', annotation: annotationLine(`Configuration not in the notification (oversized); it is at ${location}`) };
}

/**
 * The result every rule gives an item it cannot judge: NOT_APPLICABLE for a deleted or unrecorded
 * resource, INSUFFICIENT_DATA for an oversized notification's item; undefined when the rules judge it.
 */
export function verdictWithoutRules(item: ConfigurationItem): OfflineVerdict | undefined {
  const status = item.configurationItemStatus;
  if (UNJUDGED_STATUSES.has(status)) {
    return unjudged(status);
  }
  return item.configurationLocation !== undefined ? insufficientData(item.configurationLocation) : undefined;
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
  private readonly skipped = new SkippedItems();
  private sharedLists = 0;
  // Per resource, by index, in columns: two numbers and a reference, not an object with boxed numbers.
  private times = new Float64Array(1024);
  private states = new Float64Array(1024);
  private readonly verdicts: Array<readonly OfflineVerdict[]> = [];
  // Per resource, by index, a reference to a shared context: not an ARN string each.
  private readonly contexts: Array<ResourceContext> = [];
  private readonly sharedContexts = new Map<string, ResourceContext>();
  private readonly recordedTime: string;

  /** `now` decides which exemptions are in force. */
  public constructor(rules: readonly OfflineRule[], private readonly now: Date) {
    this.recordedTime = now.toISOString();
    for (const rule of rules) {
      for (const resourceType of rule.rule.resourceTypes) {
        const entry = this.byType.get(resourceType);
        this.byType.set(resourceType, { rules: [...(entry?.rules ?? []), rule], resources: new Map(), shared: { next: new Map() } });
      }
    }
  }

  /** Reads one item: judged when it is its resource's newest so far, counted when no rule judges its type. */
  public add(item: ConfigurationItem): void {
    const { resourceType, resourceId } = item;
    const typeRules = this.byType.get(resourceType);
    if (typeRules === undefined) {
      this.skipped.add(resourceType, resourceId);
      return;
    }
    const time = ordinal(item.configurationItemCaptureTime, Date.parse);
    const state = ordinal(item.configurationStateId, Number);
    const index = typeRules.resources.get(resourceId);
    if (index === undefined) {
      if (typeRules.resources.size === 0) {
        this.typesRead.push([resourceType, typeRules]);
      }
      this.keep(this.verdicts.length, time, state, this.judge(item, typeRules), this.contextOf(item));
      typeRules.resources.set(resourceId, this.verdicts.length - 1);
    } else if (time > this.times[index] || (time === this.times[index] && state > this.states[index])) {
      this.keep(index, time, state, this.judge(item, typeRules), this.contextOf(item));
    }
  }

  /** Each rule's result on the newest item of each resource it judges: by resource type, types and resources in the order first read. */
  public *evaluations(): Generator<OfflineEvaluation> {
    for (const [resourceType, { rules, resources }] of this.typesRead) {
      for (const [resourceId, index] of resources) {
        const verdicts = this.verdicts[index];
        const evidence = this.evidenceOf(index, resourceId);
        for (let rule = 0; rule < rules.length; rule++) {
          const { complianceType, annotation } = verdicts[rule];
          const { rule: { ruleName }, severity } = rules[rule];
          yield { configRuleName: ruleName, resourceType, resourceId, complianceType, annotation, severity, ...evidence };
        }
      }
    }
  }

  /** The resources whose type no rule judges, counted once each, by resource type. */
  public skippedItemsByResourceType(): Record<string, number> {
    return this.skipped.byResourceType();
  }

  /** The resource's context, shared with the resources of the same account, region and kind of ARN. */
  private contextOf({ awsAccountId, awsRegion, ARN, resourceId }: ConfigurationItem): ResourceContext {
    const ownArn = ARN !== undefined && !ARN.endsWith(resourceId);
    if (ownArn) {
      return { awsAccountId, awsRegion, arn: ARN };
    }
    const arnPrefix = ARN?.slice(0, ARN.length - resourceId.length);
    const key = `${awsAccountId ?? ''}\u0000${awsRegion ?? ''}\u0000${arnPrefix ?? '\u0001'}`;
    let context = this.sharedContexts.get(key);
    if (context === undefined) {
      if (this.sharedContexts.size >= SHARED_CONTEXTS_MAX) {
        this.sharedContexts.clear();
      }
      context = { awsAccountId, awsRegion, arnPrefix };
      this.sharedContexts.set(key, context);
    }
    return context;
  }

  /** What an evaluation of the resource carries as evidence: where it is, and the item judged. */
  private evidenceOf(index: number, resourceId: string): Omit<OfflineEvaluation, 'configRuleName' | 'resourceType' | 'resourceId' | 'complianceType' | 'annotation' | 'severity'> {
    const { awsAccountId, awsRegion, arnPrefix, arn } = this.contexts[index];
    const time = this.times[index];
    const state = this.states[index];
    return {
      ...(arn !== undefined || arnPrefix !== undefined ? { arn: arn ?? `${arnPrefix}${resourceId}` } : {}),
      ...(awsAccountId !== undefined ? { awsAccountId } : {}),
      ...(awsRegion !== undefined ? { awsRegion } : {}),
      ...(time !== -Infinity ? { configurationItemCaptureTime: new Date(time).toISOString() } : {}),
      ...(state !== -Infinity ? { configurationStateId: String(state) } : {}),
      resultRecordedTime: this.recordedTime,
    };
  }

  private keep(index: number, time: number, state: number, verdicts: readonly OfflineVerdict[], context: ResourceContext): void {
    this.contexts[index] = context;
    if (index === this.times.length) {
      const times = new Float64Array(index * 2);
      const states = new Float64Array(index * 2);
      times.set(this.times);
      states.set(this.states);
      this.times = times;
      this.states = states;
    }
    this.times[index] = time;
    this.states[index] = state;
    this.verdicts[index] = verdicts;
  }

  /** The verdicts of an item, a list shared with the resources that fared alike. */
  private judge(item: ConfigurationItem, typeRules: TypeRules): readonly OfflineVerdict[] {
    const verdicts = this.verdictsOf(item, typeRules.rules);
    let node = typeRules.shared;
    for (const verdict of verdicts) {
      let child = node.next.get(verdict);
      if (child === undefined) {
        if (this.sharedLists >= SHARED_LISTS_MAX) {
          return verdicts;
        }
        this.sharedLists++;
        child = { next: new Map() };
        node.next.set(verdict, child);
      }
      node = child;
    }
    return node.list ?? (node.list = verdicts);
  }

  private verdictsOf(item: ConfigurationItem, rules: readonly OfflineRule[]): OfflineVerdict[] {
    const withoutRules = verdictWithoutRules(item);
    if (withoutRules !== undefined) {
      return rules.map(() => withoutRules);
    }
    return rules.map(({ rule, exemptions }) => {
      const verdict = rule.check(item);
      if (verdict.complianceType !== 'NON_COMPLIANT' || exemptions === undefined || exemptions.length === 0) {
        return verdict;
      }
      const exemption = exemptionInForce(exemptions, item.resourceId, (_, tag) => item.tags[tag.key] === tag.value, this.now);
      return exemption ? { complianceType: 'EXEMPT', annotation: annotationLine(`Exempt (${exemptionDescription(exemption)}): ${verdict.annotation}`) } : verdict;
    });
  }
}
