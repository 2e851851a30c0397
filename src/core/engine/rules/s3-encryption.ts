import { readOncePerItem } from './read-once';
import { ConfigurationItem } from '../types';
import { asArray, asRecord, asRecordOrJson, asString } from '../values';

/** One default-encryption rule of a bucket. */
export interface DefaultEncryption {
  readonly sseAlgorithm: string;
  readonly kmsMasterKeyId?: string;
}

/**
 * A bucket's default-encryption rules: `{sseAlgorithm, kmsMasterKeyID}` of each
 * `applyServerSideEncryptionByDefault`; read once for the two rules that judge them.
 */
export const defaultEncryption: (item: ConfigurationItem) => readonly DefaultEncryption[] = readOncePerItem((item) => {
  const configuration = asRecordOrJson(item.supplementaryConfiguration.ServerSideEncryptionConfiguration);
  const encryption: DefaultEncryption[] = [];
  for (const rule of asArray(configuration?.rules)) {
    const byDefault = asRecord(asRecord(rule)?.applyServerSideEncryptionByDefault);
    const sseAlgorithm = asString(byDefault?.sseAlgorithm);
    if (sseAlgorithm) {
      encryption.push({ sseAlgorithm, kmsMasterKeyId: asString(byDefault?.kmsMasterKeyID) });
    }
  }
  return encryption;
});

export const KMS_ALGORITHMS: ReadonlySet<string> = new Set(['aws:kms', 'aws:kms:dsse']);
