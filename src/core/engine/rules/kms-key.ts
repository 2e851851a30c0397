import { Verdict } from '../types';
import { nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/**
 * Whether a resource's KMS key is the required one, given as a key id or an ARN: a key ARN ends
 * with `key/{id}`, so either form of one key matches the other.
 */
export function sameKmsKey(actual: string | undefined, required: string): boolean {
  if (actual === undefined) {
    return false;
  }
  return actual === required || actual.endsWith(`/${required}`) || required.endsWith(`/${actual}`);
}

/** A KMS key as a parameter or a resource names it: a key ARN or id, or an alias ARN or name. */
interface KmsReference {
  readonly alias: boolean;
  /** The key id, or the alias name without `alias/`. */
  readonly name: string;
  readonly arn?: string;
}

const KMS_ARN = /^arn:[^:]+:kms:[^:]*:[^:]*:(key|alias)\/(.+)$/;
const ALIAS_PREFIX = 'alias/';

function kmsReference(text: string): KmsReference {
  const arn = KMS_ARN.exec(text);
  if (arn) {
    return { alias: arn[1] === 'alias', name: arn[2], arn: text };
  }
  return text.startsWith(ALIAS_PREFIX) ? { alias: true, name: text.slice(ALIAS_PREFIX.length) } : { alias: false, name: text };
}

/** Two ARNs must be equal; an id or alias name matches the ARN that ends with it. */
function sameReference(a: KmsReference, b: KmsReference): boolean {
  return a.alias === b.alias && (a.arn !== undefined && b.arn !== undefined ? a.arn === b.arn : a.name === b.name);
}

/** Whether a resource's key is among the listed ones; `unknown` when only KMS could tell (an alias against a key). */
export type KmsKeyMatch = 'listed' | 'notListed' | 'unknown';

/**
 * A check of a resource's key against a list of keys and aliases. An alias and a key are compared
 * only by KMS, which resolves the alias: offline that is `unknown`, never a guess.
 */
export function kmsKeyMatcher(listed: readonly string[]): (actual: string) => KmsKeyMatch {
  const references = listed.map(kmsReference);
  return (actual) => {
    const reference = kmsReference(actual);
    if (references.some((candidate) => sameReference(candidate, reference))) {
      return 'listed';
    }
    return references.some((candidate) => candidate.alias !== reference.alias) ? 'unknown' : 'notListed';
  };
}

/**
 * The verdict on a resource's key against the keys a parameter lists (`kmsKeyArns`, `kmsKeyIds`),
 * `encryptedWith` when none is listed: compliant when listed, non-compliant when not, and
 * NOT_APPLICABLE, saying so, when only KMS could tell.
 */
export function listedKeyVerdict(
  resource: string, parameter: string, listed: readonly string[], encryptedWith: (key: string) => Verdict,
): (key: string) => Verdict {
  if (listed.length === 0) {
    return encryptedWith;
  }
  const matches = kmsKeyMatcher(listed);
  const notListed = sharedVerdicts((key: string) => nonCompliant(`${resource} is encrypted with ${key}, which ${parameter} does not list`));
  const unresolved = sharedVerdicts((key: string) => notApplicable(
    `${resource} is encrypted with ${key}; whether ${parameter} (${listed.join(', ')}) lists it needs KMS to resolve aliases, which an offline evaluation cannot do`));
  return (key) => {
    const match = matches(key);
    return match === 'listed' ? encryptedWith(key) : match === 'unknown' ? unresolved(key) : notListed(key);
  };
}
