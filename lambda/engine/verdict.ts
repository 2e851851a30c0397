import { ComplianceType, Verdict } from './types';

/** AWS Config's limit on an evaluation's annotation. */
export const ANNOTATION_MAX_LENGTH = 256;

function verdict(complianceType: ComplianceType, annotation: string): Verdict {
  const line = annotation.replace(/\s+/g, ' ').trim();
  return {
    complianceType,
    annotation: line.length <= ANNOTATION_MAX_LENGTH ? line : `${line.slice(0, ANNOTATION_MAX_LENGTH - 1)}…`,
  };
}

export const compliant = (annotation: string): Verdict => verdict('COMPLIANT', annotation);
export const nonCompliant = (annotation: string): Verdict => verdict('NON_COMPLIANT', annotation);
export const notApplicable = (annotation: string): Verdict => verdict('NOT_APPLICABLE', annotation);
