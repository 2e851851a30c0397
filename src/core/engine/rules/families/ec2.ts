import { EC2_DEFINITIONS } from '../../../rules/families/ec2';
import { RuleImplementation } from '../../types';

/** The engine's implementation of each rule of {@link EC2_DEFINITIONS}, by rule name. */
export const EC2_RULES: Readonly<Record<keyof typeof EC2_DEFINITIONS, RuleImplementation>> = {
};
