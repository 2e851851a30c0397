import type { RuleDefinition } from '../catalog';

/** Built-in rules of RDS instances and snapshots: public access, availability, protection, monitoring, encryption, IAM authentication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const RDS_DEFINITIONS = {
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
