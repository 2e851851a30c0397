import { SERVICES_DEFINITIONS } from '../../../rules/families/services';
import { RuleImplementation } from '../../types';

/** The engine's implementation of each rule of {@link SERVICES_DEFINITIONS}, by rule name. */
export const SERVICES_RULES: Readonly<Record<keyof typeof SERVICES_DEFINITIONS, RuleImplementation>> = {
};
