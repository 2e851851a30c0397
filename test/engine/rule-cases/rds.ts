import type { RuleCases } from './rule-case';

/** For each rule of src/core/rules/families/rds.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const RDS_CASES: RuleCases = {
};
