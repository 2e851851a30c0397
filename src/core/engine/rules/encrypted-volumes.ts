import { RuleImplementation } from '../types';
import { asArray, asString } from '../values';
import { compliant, nonCompliant, notApplicable } from '../verdict';
import { sameKmsKey } from './kms-key';

const UNATTACHED = notApplicable('Volume is not attached');
const ENCRYPTED = compliant('Attached volume is encrypted');
const NOT_ENCRYPTED = nonCompliant('Attached volume is not encrypted');

/** ENCRYPTED_VOLUMES: attached volumes are encrypted, with the `kmsId` key when given; unattached ones are NOT_APPLICABLE. */
export const encryptedVolumes: RuleImplementation = {
  ruleName: 'encrypted-volumes',
  compile: (parameters) => (item) => {
    const attached = asArray(item.configuration.attachments).length > 0 || item.configuration.state === 'in-use';
    if (!attached) {
      return UNATTACHED;
    }
    if (item.configuration.encrypted !== true) {
      return NOT_ENCRYPTED;
    }
    const keyId = asString(item.configuration.kmsKeyId);
    if (parameters.kmsId && !sameKmsKey(keyId, parameters.kmsId)) {
      return nonCompliant(`Volume is encrypted with ${keyId ?? 'an unknown key'}, not ${parameters.kmsId}`);
    }
    return ENCRYPTED;
  },
};
