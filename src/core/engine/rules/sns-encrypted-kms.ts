import { listedKeyVerdict } from './kms-key';
import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';

const NOT_ENCRYPTED = nonCompliant('Topic is not encrypted with AWS KMS (no KmsMasterKeyId)');
const encryptedWith = sharedVerdicts((keyId: string) => compliant(`Topic is encrypted with ${keyId}`));

/**
 * SNS_ENCRYPTED_KMS: the topic has a KmsMasterKeyId; with `kmsKeyIds`, one of them. The current page
 * takes key ARNs, key ids, alias ARNs and alias names (an older one took key ARNs only), and a
 * topic may name its key by alias (`alias/aws/sns`): matching an alias to a key needs KMS, so that
 * case is NOT_APPLICABLE, saying so.
 */
export const snsEncryptedKms: RuleImplementation = {
  ruleName: 'sns-encrypted-kms',
  compile: (parameters) => {
    const verdictOf = listedKeyVerdict('Topic', 'kmsKeyIds', csv(parameters.kmsKeyIds), encryptedWith);
    return (item) => {
      const keyId = asString(item.configuration.KmsMasterKeyId);
      return keyId ? verdictOf(keyId) : NOT_ENCRYPTED;
    };
  },
};
