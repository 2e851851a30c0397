import { S3_DEFINITIONS } from '../../../rules/families/s3';
import { RuleImplementation } from '../../types';
import { s3BucketLevelPublicAccessProhibited } from '../s3-bucket-level-public-access-prohibited';
import { s3BucketLoggingEnabled } from '../s3-bucket-logging-enabled';
import { s3BucketReplicationEnabled } from '../s3-bucket-replication-enabled';
import { s3BucketSslRequestsOnly } from '../s3-bucket-ssl-requests-only';

/** The engine's implementation of each rule of {@link S3_DEFINITIONS}, by rule name. */
export const S3_RULES: Readonly<Record<keyof typeof S3_DEFINITIONS, RuleImplementation>> = {
  's3-bucket-level-public-access-prohibited': s3BucketLevelPublicAccessProhibited,
  's3-bucket-ssl-requests-only': s3BucketSslRequestsOnly,
  's3-bucket-logging-enabled': s3BucketLoggingEnabled,
  's3-bucket-replication-enabled': s3BucketReplicationEnabled,
};
