import { S3_DEFINITIONS } from '../../../rules/families/s3';
import { RuleImplementation } from '../../types';

/** The engine's implementation of each rule of {@link S3_DEFINITIONS}, by rule name. */
export const S3_RULES: Readonly<Record<keyof typeof S3_DEFINITIONS, RuleImplementation>> = {
};
