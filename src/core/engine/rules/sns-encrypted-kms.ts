import { kmsKeyMatcher } from './kms-key';
import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

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
