import { GetPublicAccessBlockCommand, PublicAccessBlockConfiguration, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { BLOCK_PUBLIC_ACCESS_SETTINGS, excludedPublicBuckets } from '../../../src/core/engine/rules/s3-bucket-level-public-access-prohibited';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo } from '../fix';
import { bucketTags } from './bucket-tags';

/** The settings under S3's names (`BlockPublicAcls`), from the rule's (`blockPublicAcls`, as Config records them). */
const SETTINGS = BLOCK_PUBLIC_ACCESS_SETTINGS.map((setting) =>
  `${setting[0].toUpperCase()}${setting.slice(1)}` as keyof PublicAccessBlockConfiguration);

/** All four settings on: what the rule asks of a bucket it does not let be public. */
const ALL_BLOCKED: PublicAccessBlockConfiguration = Object.fromEntries(SETTINGS.map((setting) => [setting, true]));

/**
 * Turns on a bucket's bucket-level Block Public Access, all four settings. A bucket the rule lists
 * in `excludedPublicBuckets` may be public: it is never read or touched.
 */
export function s3PublicAccessBlockFix(s3: S3Client): Fix {
  return async (request, rule) => {
    const bucket = request.resourceId;
    if (excludedPublicBuckets(rule.parameters ?? {}).has(bucket)) {
      return nothingToDo(`bucket ${bucket} is listed in the rule's excludedPublicBuckets: it may be public`);
    }
    let current: PublicAccessBlockConfiguration = {};
    try {
      current = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration ?? {};
    } catch (error) {
      if (isAwsError(error, 'NoSuchBucket')) {
        return nothingToDo(`bucket ${bucket} no longer exists`);
      }
      if (!isAwsError(error, 'NoSuchPublicAccessBlockConfiguration')) {
        throw error;
      }
    }
    const tags = await bucketTags(s3, bucket);
    const off = SETTINGS.filter((setting) => current[setting] !== true);
    if (off.length === 0) {
      return nothingToDo('bucket-level Block Public Access is already on', tags);
    }
    return {
      tags,
      actions: [`turn on bucket-level Block Public Access (${off.join(', ')} off → on)`],
      apply: async () => {
        await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: ALL_BLOCKED }));
      },
    };
  };
}
