import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant } from '../verdict';
import { defaultEncryption, KMS_ALGORITHMS } from './s3-encryption';

const NOT_KMS = nonCompliant('Default encryption does not use AWS KMS');

/** S3_DEFAULT_ENCRYPTION_KMS: default encryption uses AWS KMS, with one of `kmsKeyArns` when given. */
export const s3DefaultEncryptionKms: RuleImplementation = {
  ruleName: 's3-default-encryption-kms',
  compile: (parameters) => {
    const allowedKeys = csv(parameters.kmsKeyArns);
    return (item) => {
      const kms = defaultEncryption(item).find((rule) => KMS_ALGORITHMS.has(rule.sseAlgorithm));
      if (!kms) {
        return NOT_KMS;
      }
      if (allowedKeys.length > 0 && !allowedKeys.includes(kms.kmsMasterKeyId ?? '')) {
        return nonCompliant(`Encrypted with KMS key ${kms.kmsMasterKeyId ?? '(AWS managed key)'}, not one of kmsKeyArns`);
      }
      return compliant(`Default encryption ${kms.sseAlgorithm}${kms.kmsMasterKeyId ? ` with ${kms.kmsMasterKeyId}` : ''}`);
    };
  },
};
