import {
  GetBucketEncryptionCommand, PutBucketEncryptionCommand, S3Client, ServerSideEncryptionByDefault, ServerSideEncryptionRule,
} from '@aws-sdk/client-s3';
import { csv } from '../../../src/core/engine/values';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo } from '../fix';
import { bucketTags } from './bucket-tags';

/**
 * The default encryption a bucket needs, or undefined when it has it. SSE-KMS uses the rule's first
 * allowed key, else the account's AWS managed key (`aws/s3`): never the monitor's own key, which is
 * deleted with the monitor's stack and which the bucket's writers hold no grant on (KMS Developer
 * Guide, "Deleting AWS KMS keys": what it encrypted cannot be read again).
 */
export function requiredEncryption(
  current: readonly ServerSideEncryptionRule[], kms: boolean, parameters: Readonly<Record<string, string>>,
): ServerSideEncryptionByDefault | undefined {
  const defaults = current.flatMap((rule) => rule.ApplyServerSideEncryptionByDefault ?? []);
  if (!kms) {
    return defaults.some((encryption) => encryption.SSEAlgorithm) ? undefined : { SSEAlgorithm: 'AES256' };
  }
  const allowed = csv(parameters.kmsKeyArns);
  const compliant = defaults.some((encryption) => encryption.SSEAlgorithm?.startsWith('aws:kms') &&
    (allowed.length === 0 || allowed.includes(encryption.KMSMasterKeyID ?? '')));
  if (compliant) {
    return undefined;
  }
  return allowed.length === 0 ? { SSEAlgorithm: 'aws:kms' } : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: allowed[0] };
}

/**
 * Sets a bucket's default encryption: SSE-KMS (see requiredEncryption for the key), or SSE-S3
 * (AES256). With a key of `kmsKeyArns`, the bucket's writers then need that key: see the README.
 */
export function s3EncryptionFix(s3: S3Client, kms: boolean): Fix {
  return async (request, rule) => {
    const bucket = request.resourceId;
    let current: ServerSideEncryptionRule[] = [];
    try {
      current = (await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }))).ServerSideEncryptionConfiguration?.Rules ?? [];
    } catch (error) {
      if (isAwsError(error, 'NoSuchBucket')) {
        return nothingToDo(`bucket ${bucket} no longer exists`);
      }
      if (!isAwsError(error, 'ServerSideEncryptionConfigurationNotFoundError')) {
        throw error;
      }
    }
    const tags = await bucketTags(s3, bucket);
    const encryption = requiredEncryption(current, kms, rule.parameters ?? {});
    if (!encryption) {
      return nothingToDo('default encryption already meets the rule', tags);
    }
    return {
      tags,
      actions: [`set default encryption to ${encryption.SSEAlgorithm}${encryption.KMSMasterKeyID ? ` with ${encryption.KMSMasterKeyID}` : ''}`],
      apply: async () => {
        await s3.send(new PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: encryption, BucketKeyEnabled: kms }] },
        }));
      },
    };
  };
}
