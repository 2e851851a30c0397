import { ComplianceType, Verdict } from './types';

/** AWS Config's limit on an evaluation's annotation. */
export const ANNOTATION_MAX_LENGTH = 256;

/** Line breaks and tabs, which resource data (tag values, names) may bring into an annotation. */
const LINE_BREAKING = /[^\S ]/;

/** An annotation on one line, within Config's limit. */
export function annotationLine(annotation: string): string {
  // The common case, an annotation already on one line, costs one character-class test and no copy.
  const line = LINE_BREAKING.test(annotation) ? annotation.replace(/\s+/g, ' ').trim() : annotation;
  return line.length <= ANNOTATION_MAX_LENGTH ? line : `${line.slice(0, ANNOTATION_MAX_LENGTH - 1)}…`;
}

function verdict(complianceType: ComplianceType, annotation: string): Verdict {
  return { complianceType, annotation: annotationLine(annotation) };
}

export const compliant = (annotation: string): Verdict => verdict('COMPLIANT', annotation);
export const nonCompliant = (annotation: string): Verdict => verdict('NON_COMPLIANT', annotation);
export const notApplicable = (annotation: string): Verdict => verdict('NOT_APPLICABLE', annotation);

/** Distinct keys a shared-verdict table keeps before it starts over: bounds memory on unusual data. */
const SHARED_VERDICTS_MAX = 1024;

/**
 * A verdict per key, built once and shared: for annotations that depend on a value with few distinct
 * values (an algorithm, a key, a retention), so that judging many resources builds few strings.
 */
export function sharedVerdicts<K>(build: (key: K) => Verdict): (key: K) => Verdict {
  const verdicts = new Map<K, Verdict>();
  return (key) => {
    let shared = verdicts.get(key);
    if (shared === undefined) {
      if (verdicts.size >= SHARED_VERDICTS_MAX) {
        verdicts.clear();
      }
      shared = build(key);
      verdicts.set(key, shared);
    }
    return shared;
  };
}
