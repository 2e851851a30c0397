import type { RuleDefinition } from '../catalog';

/** Built-in rules of IAM users, roles, groups and policies: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const IAM_DEFINITIONS = {
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
