import type { RuleDefinition } from '../catalog';

/** Built-in rules of DynamoDB tables, Lambda functions, SNS topics, Secrets Manager secrets and load balancers: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const SERVICES_DEFINITIONS = {
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
