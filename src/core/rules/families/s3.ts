import type { RuleDefinition } from '../catalog';

/** Built-in rules of S3 buckets: public access, TLS, logging and replication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const S3_DEFINITIONS = {
  // Security Hub S3.8 (bucket-level Block Public Access), HIGH.
  's3-bucket-level-public-access-prohibited': {
    identifier: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'HIGH',
    fix: 'BLOCK_BUCKET_PUBLIC_ACCESS',
    parameters: { excludedPublicBuckets: { type: 'csv' } },
  },
  // Security Hub S3.5 (requests must use SSL), MEDIUM.
  's3-bucket-ssl-requests-only': {
    identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  // Security Hub S3.9 (server access logging), MEDIUM.
  's3-bucket-logging-enabled': {
    identifier: 'S3_BUCKET_LOGGING_ENABLED',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { targetBucket: { type: 'string' }, targetPrefix: { type: 'string' } },
  },
  // Security Hub S3.7 (cross-Region replication), LOW: the control named this rule; its current
  // page names s3-bucket-cross-region-replication-enabled, at the same severity.
  's3-bucket-replication-enabled': {
    identifier: 'S3_BUCKET_REPLICATION_ENABLED',
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'LOW',
    // 'CROSS-REGION' or 'SAME-REGION'; the page gives no default (absent: any enabled replication).
    parameters: { ReplicationType: { type: 'string' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
