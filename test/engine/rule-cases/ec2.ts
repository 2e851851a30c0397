import type { RuleCases } from './rule-case';

/** For each rule of src/core/rules/families/ec2.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const EC2_CASES: RuleCases = {
};
