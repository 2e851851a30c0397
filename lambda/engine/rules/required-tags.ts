import { numberedParameterValues } from '../../../src/rules/catalog';
import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant } from '../verdict';

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

function satisfies(tags: Record<string, string>, tag: RequiredTag): boolean {
  const value = tags[tag.key];
  return value !== undefined && (tag.values.length === 0 || tag.values.includes(value));
}

/** REQUIRED_TAGS: every required key is present (case-sensitive) with an allowed value where values are listed. */
export const requiredTagsRule: RuleImplementation = {
  ruleName: 'required-tags',
  compile: (parameters) => {
    const required = requiredTags(parameters);
    const tagged = compliant(`Has required tags ${required.map((tag) => tag.key).join(', ')}`);
    return (item) => {
      const tags = item.tags;
      // Most resources pass: that path allocates nothing.
      if (required.every((tag) => satisfies(tags, tag))) {
        return tagged;
      }
      const failing = required.filter((tag) => !satisfies(tags, tag));
      const problems = failing.map(({ key, values }) =>
        tags[key] === undefined ? `missing ${key}` : `${key}=${tags[key]} not in ${values.join('|')}`);
      return nonCompliant(`Required tags: ${problems.join('; ')}`);
    };
  },
};
