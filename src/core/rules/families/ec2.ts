import type { RuleDefinition } from '../catalog';

/** Built-in rules of EC2 instances, volumes, subnets and the default security group: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const EC2_DEFINITIONS = {
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
