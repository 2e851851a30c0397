import { GetBucketVersioningCommandOutput, GetBucketVersioningCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { requiresMfaDelete } from '../../../src/core/engine/rules/s3-bucket-versioning-enabled';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo } from '../fix';
import { bucketTags } from './bucket-tags';

/** What a bucket's versioning needs: the action that enables it, or why nothing is changed and whether a person must. */
export type VersioningChange = { readonly action: string } | { readonly reason: string; readonly manual: boolean };

/**
 * The change the rule asks of a bucket's versioning. The fix can enable versioning, never MFA delete:
 * only the bucket owner's root user can turn that on, with its MFA device, and once it is on every
 * change of the versioning state needs that device too (S3 User Guide, "Configuring MFA delete").
 */
export function versioningChange(versioning: Pick<GetBucketVersioningCommandOutput, 'Status' | 'MFADelete'>, requireMfaDelete: boolean): VersioningChange {
  const mfaDelete = versioning.MFADelete === 'Enabled';
  if (versioning.Status === 'Enabled' && (mfaDelete || !requireMfaDelete)) {
    return { reason: `versioning is already enabled${mfaDelete ? ', with MFA delete' : ''}`, manual: false };
  }
  if (mfaDelete) {
    return { reason: 'MFA delete is enabled, so enabling versioning needs the root user\'s MFA device: enable it by hand', manual: true };
  }
  if (requireMfaDelete) {
    return { reason: 'the rule requires MFA delete, which only the root user can enable, with its MFA device: enable versioning and MFA delete by hand', manual: true };
  }
  // S3 answers no status for a bucket whose versioning was never enabled.
  return { action: `enable versioning (${versioning.Status ?? 'never enabled'} → Enabled)` };
}

/** Enables a bucket's versioning; MFA delete is left as it is, and to a person when the rule requires it. */
export function s3VersioningFix(s3: S3Client): Fix {
  return async (request, rule) => {
    const bucket = request.resourceId;
    let versioning: GetBucketVersioningCommandOutput;
    try {
      versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    } catch (error) {
      if (isAwsError(error, 'NoSuchBucket')) {
        return nothingToDo(`bucket ${bucket} no longer exists`);
      }
      throw error;
    }
    const tags = await bucketTags(s3, bucket);
    const change = versioningChange(versioning, requiresMfaDelete(rule.parameters ?? {}));
    if ('reason' in change) {
      return nothingToDo(change.reason, tags, change.manual);
    }
    return {
      tags,
      actions: [change.action],
      apply: async () => {
        await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
      },
    };
  };
}
