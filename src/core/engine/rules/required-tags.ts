import { numberedParameterValues } from '../../rules/catalog';
import { RuleImplementation, Verdict } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';

interface RequiredTag {
  readonly key: string;
  /** Allowed values, in the order given; empty for any value. */
  readonly values: readonly string[];
  readonly allowed: ReadonlySet<string>;
}

/** tag1Key/tag1Value, tag2Key/tag2Value, ...: any number in ENGINE mode. */
function requiredTags(parameters: Readonly<Record<string, string>>): RequiredTag[] {
  return numberedParameterValues('required-tags', parameters)
    .filter(({ name, value }) => name.endsWith('Key') && value !== '')
    .map(({ number, value }) => {
      const values = csv(parameters[`tag${number}Value`]);
      return { key: value, values, allowed: new Set(values) };
    });
}

function allows(tag: RequiredTag, value: string): boolean {
  return tag.values.length === 0 || tag.allowed.has(value);
}

/** What is wrong with an item's tags: one phrase per failing tag, none when nothing is. */
function problemsOf(tags: Record<string, string>, required: readonly RequiredTag[]): string[] {
  const problems: string[] = [];
  for (const tag of required) {
    const value = tags[tag.key];
    if (value === undefined) {
      problems.push(`missing ${tag.key}`);
    } else if (!allows(tag, value)) {
      problems.push(`${tag.key}=${value} not in ${tag.values.join('|')}`);
    }
  }
  return problems;
}

/** At most this many required tags have a bit each in a missing-tags mask: a number holds 53 bits exactly. */
const MASKABLE_TAGS = 53;

/** The required tags an item lacks, one bit each (2 ** index). */
function missingMask(tags: Record<string, string>, required: readonly RequiredTag[]): number {
  let missing = 0;
  for (let index = 0; index < required.length; index++) {
    if (tags[required[index].key] === undefined) {
      missing += 2 ** index;
    }
  }
  return missing;
}

/** Whether a required tag that the item has carries a value not allowed. */
function hasValueNotAllowed(tags: Record<string, string>, required: readonly RequiredTag[]): boolean {
  for (const tag of required) {
    const value = tags[tag.key];
    if (value !== undefined && !allows(tag, value)) {
      return true;
    }
  }
  return false;
}

/** A node of `VerdictsByValues`: one level per required tag that lists values. */
interface ValuesNode {
  verdict?: Verdict;
  readonly next: Map<string | undefined, ValuesNode>;
}

/** Nodes kept before the tree starts over: bounds memory when values are each resource's own. */
const VALUE_NODES_MAX = 4096;

/**
 * The verdicts of items with a value not allowed, shared by the items that name the same problems:
 * by the missing tags, then by the value of each tag that lists values. The values are the items'
 * own strings, so that finding a verdict builds no key.
 */
class VerdictsByValues {
  private readonly byMissing = new Map<number, ValuesNode>();
  private nodes = 0;
  private readonly listing: readonly RequiredTag[];

  public constructor(required: readonly RequiredTag[], private readonly build: (tags: Record<string, string>) => Verdict) {
    this.listing = required.filter((tag) => tag.values.length > 0);
  }

  public verdict(missing: number, tags: Record<string, string>): Verdict {
    if (this.nodes >= VALUE_NODES_MAX) {
      this.byMissing.clear();
      this.nodes = 0;
    }
    let node = this.byMissing.get(missing) ?? this.added(this.byMissing, missing);
    for (const tag of this.listing) {
      const value = tags[tag.key];
      node = node.next.get(value) ?? this.added(node.next, value);
    }
    return node.verdict ?? (node.verdict = this.build(tags));
  }

  private added<K>(level: Map<K, ValuesNode>, key: K): ValuesNode {
    const node: ValuesNode = { next: new Map() };
    level.set(key, node);
    this.nodes++;
    return node;
  }
}

/** REQUIRED_TAGS: every required key is present (case-sensitive) with an allowed value where values are listed. */
export const requiredTagsRule: RuleImplementation = {
  ruleName: 'required-tags',
  compile: (parameters) => {
    const required = requiredTags(parameters);
    const maskable = required.length <= MASKABLE_TAGS;
    const tagged = compliant(`Has required tags ${required.map((tag) => tag.key).join(', ')}`);
    const judged = (tags: Record<string, string>) => {
      const problems = problemsOf(tags, required);
      return problems.length === 0 ? tagged : nonCompliant(`Required tags: ${problems.join('; ')}`);
    };
    // Most failing resources only lack tags, and lack the same ones: a verdict per set of missing
    // tags is built once and shared, so that judging many resources builds few strings.
    const lacking = sharedVerdicts((missing: number) =>
      nonCompliant(`Required tags: ${problemsOf({}, required.filter((_, index) => Math.floor(missing / 2 ** index) % 2 === 1)).join('; ')}`));
    const byValues = new VerdictsByValues(required, judged);
    return (item) => {
      const tags = item.tags;
      if (!maskable) {
        return judged(tags);
      }
      const missing = missingMask(tags, required);
      if (hasValueNotAllowed(tags, required)) {
        return byValues.verdict(missing, tags);
      }
      return missing === 0 ? tagged : lacking(missing);
    };
  },
};
