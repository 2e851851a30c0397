import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { DefaultEncryption, defaultEncryption, KMS_ALGORITHMS } from './s3-encryption';

const NOT_KMS = nonCompliant('Default encryption does not use AWS KMS');

/** S3_DEFAULT_ENCRYPTION_KMS: default encryption uses AWS KMS, with one of `kmsKeyArns` when given. */
export const s3DefaultEncryptionKms: RuleImplementation = {
  ruleName: 's3-default-encryption-kms',
  compile: (parameters) => {
    const allowedKeys = csv(parameters.kmsKeyArns);
    const notAllowed = sharedVerdicts((keyId: string) => nonCompliant(`Encrypted with KMS key ${keyId}, not one of kmsKeyArns`));
    // By algorithm, then by key: the key id is the item's own string, so no key text is built per bucket.
    const encrypted = new Map([...KMS_ALGORITHMS].map((algorithm) => [algorithm, sharedVerdicts((keyId: string) =>
      compliant(`Default encryption ${algorithm}${keyId ? ` with ${keyId}` : ''}`))]));
    return (item) => {
      let kms: DefaultEncryption | undefined;
      for (const rule of defaultEncryption(item)) {
        if (KMS_ALGORITHMS.has(rule.sseAlgorithm)) {
          kms = rule;
          break;
        }
      }
      if (!kms) {
        return NOT_KMS;
      }
      if (allowedKeys.length > 0 && !allowedKeys.includes(kms.kmsMasterKeyId ?? '')) {
        return notAllowed(kms.kmsMasterKeyId ?? '(AWS managed key)');
      }
      return encrypted.get(kms.sseAlgorithm)!(kms.kmsMasterKeyId ?? '');
    };
  },
};
