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
  return Object.entries(parameters)
    .map(([name, key]) => ({ match: /^tag([0-9]+)Key$/.exec(name), key }))
    .filter((entry) => entry.match !== null && entry.key !== '')
    .map(({ match, key }) => ({ key, values: csv(parameters[`tag${match![1]}Value`]) }));
}

/** REQUIRED_TAGS: every required key is present (case-sensitive) with an allowed value where values are listed. */
export const requiredTagsRule: RuleImplementation = {
  ruleName: 'required-tags',
  compile: (parameters) => {
    const required = requiredTags(parameters);
    const tagged = compliant(`Has required tags ${required.map((tag) => tag.key).join(', ')}`);
    return (item) => {
      const problems: string[] = [];
      for (const { key, values } of required) {
        const value = item.tags[key];
        if (value === undefined) {
          problems.push(`missing ${key}`);
        } else if (values.length > 0 && !values.includes(value)) {
          problems.push(`${key}=${value} not in ${values.join('|')}`);
        }
      }
      return problems.length > 0
        ? nonCompliant(`Required tags: ${problems.join('; ')}`)
        : tagged;
    };
  },
};
