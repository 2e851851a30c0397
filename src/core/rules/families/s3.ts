import type { RuleDefinition } from '../catalog';

/** Built-in rules of S3 buckets: public access, TLS, logging and replication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const S3_DEFINITIONS = {
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
