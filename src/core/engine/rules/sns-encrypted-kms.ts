import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

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

const NOT_ENCRYPTED = nonCompliant('Topic is not encrypted with AWS KMS (no KmsMasterKeyId)');
const encryptedWith = sharedVerdicts((keyId: string) => compliant(`Topic is encrypted with ${keyId}`));
const notListed = sharedVerdicts((keyId: string) => nonCompliant(`Topic is encrypted with ${keyId}, which kmsKeyIds does not list`));

/**
 * SNS_ENCRYPTED_KMS: the topic has a KmsMasterKeyId; with `kmsKeyIds`, one of them. The current page
 * takes key ARNs, key ids, alias ARNs and alias names (an older one took key ARNs only), and a
 * topic may name its key by alias (`alias/aws/sns`): matching an alias to a key needs KMS, so that
 * case is NOT_APPLICABLE, saying so.
 */
export const snsEncryptedKms: RuleImplementation = {
  ruleName: 'sns-encrypted-kms',
  compile: (parameters) => {
    const listed = csv(parameters.kmsKeyIds);
    const matches = listed.length > 0 ? kmsKeyMatcher(listed) : undefined;
    const unresolved = sharedVerdicts((keyId: string) => notApplicable(
      `Topic is encrypted with ${keyId}; whether kmsKeyIds (${listed.join(', ')}) lists it needs KMS to resolve aliases, which an offline evaluation cannot do`));
    return (item) => {
      const keyId = asString(item.configuration.KmsMasterKeyId);
      if (!keyId) {
        return NOT_ENCRYPTED;
      }
      if (!matches) {
        return encryptedWith(keyId);
      }
      const match = matches(keyId);
      if (match === 'listed') {
        return encryptedWith(keyId);
      }
      return match === 'unknown' ? unresolved(keyId) : notListed(keyId);
    };
  },
};
