import { RuleImplementation } from '../types';
import { asString } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { sameKmsKey } from './kms-key';

const NOT_ENCRYPTED = nonCompliant('Storage is not encrypted');
const encryptedWith = sharedVerdicts((keyId: string | undefined) => compliant(`Storage is encrypted${keyId ? ` with ${keyId}` : ''}`));

/** RDS_STORAGE_ENCRYPTED: `storageEncrypted` is true, with the `kmsKeyId` key when given. */
export const rdsStorageEncrypted: RuleImplementation = {
  ruleName: 'rds-storage-encrypted',
  compile: (parameters) => (item) => {
    if (item.configuration.storageEncrypted !== true) {
      return NOT_ENCRYPTED;
    }
    const keyId = asString(item.configuration.kmsKeyId);
    if (parameters.kmsKeyId && !sameKmsKey(keyId, parameters.kmsKeyId)) {
      return nonCompliant(`Storage is encrypted with ${keyId ?? 'an unknown key'}, not ${parameters.kmsKeyId}`);
    }
    return encryptedWith(keyId);
  },
};
