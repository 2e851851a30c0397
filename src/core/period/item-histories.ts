import type { RecordedState } from './timeline';
import { OfflineRule, verdictWithoutRules } from '../engine/evaluate';
import { exemptionCovers, exemptionInForceAt } from '../engine/exemptions';
import { InputError } from '../engine/input';
import { SkippedItems } from '../engine/skipped-items';
import type { ConfigurationItem, ResultType } from '../engine/types';
import { appliedExemption } from '../rules/exemption-rules';
import type { DeployedExemption } from '../settings/deployed-rule';
import { compareUtf8 } from '../storage/key-order';

/** One rule's result on one version of a resource: for a violation, the exemptions that name the resource. */
interface VersionResult {
  readonly complianceType: ResultType;
  readonly covering: readonly DeployedExemption[];
}

/** A version of a resource: when Config captured it, and each rule's result on it. */
interface Version {
  readonly time: number;
  readonly stateId: number;
  readonly results: readonly VersionResult[];
}

interface ResourceVersions {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly versions: Version[];
}

const NO_EXEMPTIONS: readonly DeployedExemption[] = [];

/** The results that no exemption names, one object per compliance type: most versions' results are these. */
const PLAIN_RESULTS = new Map<ResultType, VersionResult>();

function plainResult(complianceType: ResultType): VersionResult {
  let result = PLAIN_RESULTS.get(complianceType);
  if (result === undefined) {
    result = { complianceType, covering: NO_EXEMPTIONS };
    PLAIN_RESULTS.set(complianceType, result);
  }
  return result;
}

/** Orders numbers that may both be -Infinity, where subtraction gives NaN. */
function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A configuration state id as a number that orders a resource's items captured at one time; -Infinity when absent. */
function stateIdOf(item: ConfigurationItem): number {
  const id = Number(item.configurationStateId ?? NaN);
  return Number.isNaN(id) ? -Infinity : id;
}

/**
 * Every version of every resource, read from Config history in any order and from any number of
 * inputs, as the states a period report measures: each rule's result from the capture time of
 * each version of a resource until the next one. The rules judge every version, and the exemptions
 * of the rules in force at each instant decide which violations are EXEMPT, so an exemption that
 * expires between two versions ends there. Memory holds each version's results, never an item.
 */
export class ItemHistories {
  private readonly rulesByType = new Map<string, OfflineRule[]>();
  private readonly resources = new Map<string, ResourceVersions>();
  private readonly skipped = new SkippedItems();
  private earliest = Infinity;

  public constructor(rules: readonly OfflineRule[]) {
    for (const rule of rules) {
      for (const resourceType of rule.rule.resourceTypes) {
        this.rulesByType.set(resourceType, [...(this.rulesByType.get(resourceType) ?? []), rule]);
      }
    }
  }

  /** Reads one item; throws an InputError for an item without a capture time, which no period can place. */
  public add(item: ConfigurationItem): void {
    const { resourceType, resourceId } = item;
    const rules = this.rulesByType.get(resourceType);
    if (rules === undefined) {
      this.skipped.add(resourceType, resourceId);
      return;
    }
    const time = item.configurationItemCaptureTime === undefined ? NaN : Date.parse(item.configurationItemCaptureTime);
    if (Number.isNaN(time)) {
      throw new InputError(`the item of ${resourceType} ${resourceId} has no configurationItemCaptureTime: a period report places each item at it`);
    }
    this.earliest = Math.min(this.earliest, time);
    const key = `${resourceId}\u0000${resourceType}`;
    const resource = this.resources.get(key) ?? { resourceType, resourceId, versions: [] };
    this.resources.set(key, resource);
    resource.versions.push({ time, stateId: stateIdOf(item), results: this.resultsOf(item, rules) });
  }

  /** The capture time of the oldest item read; undefined before any item of a judged type. */
  public earliestCaptureTime(): Date | undefined {
    return this.earliest === Infinity ? undefined : new Date(this.earliest);
  }

  /** The resources whose type no rule judges, counted once each, by resource type. */
  public skippedItemsByResourceType(): Record<string, number> {
    return this.skipped.byResourceType();
  }

  /**
   * Each resource id's states of every rule (of all its resource types), resource ids in UTF-8
   * order, as the findings table's history index gives them, so both read the same report.
   */
  public *statesByResource(): Generator<RecordedState[]> {
    const keys = [...this.resources.keys()].sort(compareUtf8);
    for (let i = 0; i < keys.length;) {
      const resourceId = this.resources.get(keys[i])!.resourceId;
      const states: RecordedState[] = [];
      for (; i < keys.length && this.resources.get(keys[i])!.resourceId === resourceId; i++) {
        this.addStates(this.resources.get(keys[i])!, states);
      }
      yield states;
    }
  }

  private resultsOf(item: ConfigurationItem, rules: readonly OfflineRule[]): VersionResult[] {
    const withoutRules = verdictWithoutRules(item);
    if (withoutRules !== undefined) {
      return rules.map(() => plainResult(withoutRules.complianceType));
    }
    const hasTag = (_: string, tag: { key: string; value: string }) => item.tags[tag.key] === tag.value;
    return rules.map(({ rule, exemptions = [] }) => {
      const { complianceType } = rule.check(item);
      const covering = complianceType === 'NON_COMPLIANT' ? exemptions.filter((exemption) => exemptionCovers(exemption, item.resourceId, hasTag)) : [];
      return covering.length === 0 ? plainResult(complianceType) : { complianceType, covering };
    });
  }

  /** Adds a resource's states, rule by rule: one per version, and one where an exemption in force expires before the next version. */
  private addStates({ resourceType, resourceId, versions }: ResourceVersions, states: RecordedState[]): void {
    const ordered = newestOfEachTime(versions);
    const rules = this.rulesByType.get(resourceType)!;
    rules.forEach(({ rule: { ruleName } }, r) => {
      ordered.forEach((version, v) => {
        const { complianceType, covering } = version.results[r];
        const until = v + 1 < ordered.length ? ordered[v + 1].time : Infinity;
        // The state changes where an exemption stops: at its expiry, unless the next version comes first.
        const changes = [version.time, ...new Set(covering.flatMap(({ expiresAt }) => {
          const expiry = expiresAt === undefined ? NaN : Date.parse(expiresAt);
          return expiry > version.time && expiry < until ? [expiry] : [];
        }))].sort((a, b) => a - b);
        for (const time of changes) {
          const exemption = covering.find((candidate) => exemptionInForceAt(candidate, new Date(time)));
          states.push({
            configRuleName: ruleName,
            resourceType,
            resourceId,
            at: new Date(time).toISOString(),
            ...(exemption ? { complianceType: 'EXEMPT', exemption: appliedExemption(exemption) } : { complianceType }),
          });
        }
      });
    });
  }
}

/**
 * A resource's versions in time order, one per capture time: of items captured at one instant, the
 * one with the highest configurationStateId, as Config orders them (the same file read twice counts once).
 */
function newestOfEachTime(versions: readonly Version[]): Version[] {
  const sorted = [...versions].sort((a, b) => compareNumbers(a.time, b.time) || compareNumbers(a.stateId, b.stateId));
  return sorted.filter((version, i) => i + 1 === sorted.length || sorted[i + 1].time !== version.time);
}
