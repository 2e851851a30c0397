import { GetBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { isAwsError } from '../../runtime/aws-errors';
import { tagRecord } from '../fix';

/** A bucket's tags, which exemptions by tag are checked against; a bucket without tags has none. */
export async function bucketTags(s3: S3Client, bucket: string): Promise<Record<string, string>> {
  try {
    return tagRecord((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet);
  } catch (error) {
    if (isAwsError(error, 'NoSuchTagSet')) {
      return {};
    }
    throw error;
  }
}
