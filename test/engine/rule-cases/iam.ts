import type { RuleCases } from './rule-case';

/** For each rule of src/core/rules/families/iam.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const IAM_CASES: RuleCases = {
};
