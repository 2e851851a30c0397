import { IAM_DEFINITIONS } from '../../../rules/families/iam';
import { RuleImplementation } from '../../types';

/** The engine's implementation of each rule of {@link IAM_DEFINITIONS}, by rule name. */
export const IAM_RULES: Readonly<Record<keyof typeof IAM_DEFINITIONS, RuleImplementation>> = {
};
