import { aws_kms as kms, aws_s3 as s3, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ObjectLockOptions } from '../compliance-monitor-props';

/** Properties of a monitor bucket. */
export interface SecureBucketProps {
  readonly bucketName: string;
  readonly encryptionKey: kms.IKey;
  /** Where S3 writes this bucket's server access logs. */
  readonly serverAccessLogsBucket: s3.IBucket;
  /** Objects move to Glacier Instant Retrieval at this age. */
  readonly archiveAfter: Duration;
  /** Objects expire at this age; their old versions a day later. */
  readonly expireAfter: Duration;
  readonly removalPolicy: RemovalPolicy;
  /**
   * Object Lock with a default retention on every version written, as long as `expireAfter` unless
   * it says otherwise. S3 requires the versioning the bucket has; validation.ts requires a removal policy that retains it.
   */
  readonly objectLock?: ObjectLockOptions;
}

function destroyable(removalPolicy: RemovalPolicy): boolean {
  return removalPolicy === RemovalPolicy.DESTROY;
}

/**
 * The default retention of a bucket's Object Lock. Its lifecycle needs no change: S3 applies
 * lifecycle actions to locked versions too, but expires none of them before its lock ends.
 */
function objectLockRetention(lock: ObjectLockOptions, expireAfter: Duration): s3.ObjectLockRetention {
  const retention = lock.retention ?? expireAfter;
  return lock.mode === s3.ObjectLockMode.COMPLIANCE ? s3.ObjectLockRetention.compliance(retention) : s3.ObjectLockRetention.governance(retention);
}

/**
 * A bucket for audit data: KMS, versioned, private, TLS only, server access logs, archived then
 * expired, with old versions cleaned up; Object Lock when asked. Emptied on deletion when the removal
 * policy destroys it.
 */
export function createSecureBucket(scope: Construct, id: string, props: SecureBucketProps): s3.Bucket {
  return new s3.Bucket(scope, id, {
    bucketName: props.bucketName,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: props.encryptionKey,
    bucketKeyEnabled: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    serverAccessLogsBucket: props.serverAccessLogsBucket,
    serverAccessLogsPrefix: `${id.toLowerCase()}/`,
    lifecycleRules: [{
      id: 'archive-then-expire',
      transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: props.archiveAfter }],
      expiration: props.expireAfter,
      noncurrentVersionExpiration: Duration.days(1),
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    }],
    objectLockDefaultRetention: props.objectLock && objectLockRetention(props.objectLock, props.expireAfter),
    removalPolicy: props.removalPolicy,
    autoDeleteObjects: destroyable(props.removalPolicy),
  });
}

/** Properties of the access-log bucket. */
export interface AccessLogsBucketProps {
  readonly bucketName: string;
  /** Access logs expire at this age. */
  readonly expireAfter: Duration;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The target of the other buckets' server access logs. S3 writes access logs only to a bucket
 * encrypted with S3-managed keys, so this one cannot use the monitor's KMS key.
 */
export function createAccessLogsBucket(scope: Construct, id: string, props: AccessLogsBucketProps): s3.Bucket {
  return new s3.Bucket(scope, id, {
    bucketName: props.bucketName,
    encryption: s3.BucketEncryption.S3_MANAGED,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    lifecycleRules: [{
      id: 'expire',
      expiration: props.expireAfter,
      noncurrentVersionExpiration: Duration.days(1),
    }],
    removalPolicy: props.removalPolicy,
    autoDeleteObjects: destroyable(props.removalPolicy),
  });
}
