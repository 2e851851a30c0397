import { numberedParameterValues } from '../../rules/catalog';
import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';

interface RequiredTag {
  readonly key: string;
  /** Allowed values; empty for any value. */
  readonly values: readonly string[];
}

/** tag1Key/tag1Value, tag2Key/tag2Value, ...: any number in ENGINE mode. */
function requiredTags(parameters: Readonly<Record<string, string>>): RequiredTag[] {
  return numberedParameterValues('required-tags', parameters)
    .filter(({ name, value }) => name.endsWith('Key') && value !== '')
    .map(({ number, value }) => ({ key: value, values: csv(parameters[`tag${number}Value`]) }));
}

function allows(tag: RequiredTag, value: string): boolean {
  return tag.values.length === 0 || tag.values.includes(value);
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

/** The required tags an item lacks, one bit each (2 ** index); undefined when a tag it has carries a value not allowed. */
function missingMask(tags: Record<string, string>, required: readonly RequiredTag[]): number | undefined {
  let missing = 0;
  for (let index = 0; index < required.length; index++) {
    const value = tags[required[index].key];
    if (value === undefined) {
      missing += 2 ** index;
    } else if (!allows(required[index], value)) {
      return undefined;
    }
  }
  return missing;
}

/** REQUIRED_TAGS: every required key is present (case-sensitive) with an allowed value where values are listed. */
export const requiredTagsRule: RuleImplementation = {
  ruleName: 'required-tags',
  compile: (parameters) => {
    const required = requiredTags(parameters);
    const maskable = required.length <= MASKABLE_TAGS;
    const tagged = compliant(`Has required tags ${required.map((tag) => tag.key).join(', ')}`);
    const failing = (problems: string[]) => nonCompliant(`Required tags: ${problems.join('; ')}`);
    // Most failing resources only lack tags, and lack the same ones: a verdict per set of missing
    // tags is built once and shared, so that judging many resources builds few strings.
    const lacking = sharedVerdicts((missing: number) =>
      failing(problemsOf({}, required.filter((_, index) => Math.floor(missing / 2 ** index) % 2 === 1))));
    return (item) => {
      const missing = maskable ? missingMask(item.tags, required) : undefined;
      if (missing !== undefined) {
        return missing === 0 ? tagged : lacking(missing);
      }
      // A value not allowed is named in the annotation: that verdict is the resource's own.
      const problems = problemsOf(item.tags, required);
      return problems.length === 0 ? tagged : failing(problems);
    };
  },
};
