import { RDS_DEFINITIONS } from '../../../rules/families/rds';
import { RuleImplementation } from '../../types';

/** The engine's implementation of each rule of {@link RDS_DEFINITIONS}, by rule name. */
export const RDS_RULES: Readonly<Record<keyof typeof RDS_DEFINITIONS, RuleImplementation>> = {
};
