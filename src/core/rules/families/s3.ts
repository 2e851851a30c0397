import type { RuleDefinition } from '../catalog';

/** Built-in rules of S3 buckets: public access, TLS, logging and replication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const S3_DEFINITIONS = {
  // Security Hub S3.8 (bucket-level Block Public Access), HIGH.
  's3-bucket-level-public-access-prohibited': {
    identifier: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
    description: 'S3 buckets have all four bucket-level Block Public Access settings on, unless listed in excludedPublicBuckets.',
    remediation: "Turn on all four bucket-level Block Public Access settings (PutPublicAccessBlock), or list the bucket in excludedPublicBuckets if it must be public. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'HIGH',
    fix: 'BLOCK_BUCKET_PUBLIC_ACCESS',
    parameters: { excludedPublicBuckets: { type: 'csv' } },
  },
  // Security Hub S3.5 (requests must use SSL), MEDIUM.
  's3-bucket-ssl-requests-only': {
    identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY',
    description: 'S3 bucket policies deny all S3 actions on the bucket and its objects to every principal when aws:SecureTransport is false.',
    remediation: 'Add a bucket policy statement (PutBucketPolicy): Effect Deny, Principal *, Action s3:*, Resource the bucket ARN and its /* objects, Condition Bool aws:SecureTransport false.',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  // Security Hub S3.9 (server access logging), MEDIUM.
  's3-bucket-logging-enabled': {
    identifier: 'S3_BUCKET_LOGGING_ENABLED',
    description: 'S3 buckets have server access logging on, to targetBucket and under targetPrefix when those are given.',
    remediation: 'Turn on server access logging for the bucket (PutBucketLogging) to the target bucket and prefix the rule names, and let the S3 logging service write to that bucket.',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { targetBucket: { type: 'string' }, targetPrefix: { type: 'string' } },
  },
  // Security Hub S3.7 (cross-Region replication), LOW: the control named this rule; its current
  // page names s3-bucket-cross-region-replication-enabled, at the same severity.
  's3-bucket-replication-enabled': {
    identifier: 'S3_BUCKET_REPLICATION_ENABLED',
    description: 'S3 buckets have replication rules, all of them enabled; with ReplicationType, only Cross-Region or only Same-Region replication.',
    remediation: 'Add a replication configuration (PutBucketReplication) whose rules all have Status Enabled, to destinations of the Region type ReplicationType asks for; versioning must be on.',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'LOW',
    // 'CROSS-REGION' or 'SAME-REGION'; the page gives no default (absent: any enabled replication).
    parameters: { ReplicationType: { type: 'string' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
