import { ConfigurationItem } from '../types';
import { asArray, asRecord, asRecordOrJson, asString } from '../values';

/** A bucket's default-encryption rules: `{sseAlgorithm, kmsMasterKeyID}` of each `applyServerSideEncryptionByDefault`. */
export function defaultEncryption(item: ConfigurationItem): Array<{ sseAlgorithm: string; kmsMasterKeyId?: string }> {
  const configuration = asRecordOrJson(item.supplementaryConfiguration.ServerSideEncryptionConfiguration);
  return asArray(configuration?.rules).flatMap((rule) => {
    const byDefault = asRecord(asRecord(rule)?.applyServerSideEncryptionByDefault);
    const sseAlgorithm = asString(byDefault?.sseAlgorithm);
    return sseAlgorithm ? [{ sseAlgorithm, kmsMasterKeyId: asString(byDefault?.kmsMasterKeyID) }] : [];
  });
}

export const KMS_ALGORITHMS: ReadonlySet<string> = new Set(['aws:kms', 'aws:kms:dsse']);
