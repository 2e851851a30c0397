import { Aws, Token } from 'aws-cdk-lib';

/**
 * The purposes of the monitor's S3 buckets. A bucket's name also carries the account and region,
 * because bucket names are global.
 */
export type BucketPurpose = 'config' | 'reports' | 'logs';

const ACCOUNT_ID_LENGTH = 12;
/** The longest AWS region name, `us-isof-south-1`; stacks may be region-agnostic. */
const LONGEST_REGION_LENGTH = 15;
const S3_BUCKET_NAME_LIMIT = 63;
const LONGEST_BUCKET_PURPOSE: BucketPurpose = 'reports';

/**
 * The longest environment suffix whose derived names all fit their AWS limits. The strictest is the
 * reports bucket, `compliance-reports-{suffix}-{account}-{region}`, within S3's 63 characters;
 * every other name (Lambda functions: 64, SQS queues: 80, EventBridge rules: 64, Config rules: 128)
 * is shorter or has a larger limit.
 */
export const MAX_ENVIRONMENT_SUFFIX_LENGTH = S3_BUCKET_NAME_LIMIT
  - `compliance-${LONGEST_BUCKET_PURPOSE}-`.length - 1 - ACCOUNT_ID_LENGTH - 1 - LONGEST_REGION_LENGTH;

const SUFFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Throws at synth time when the suffix cannot appear in every derived resource name.
 *
 * Lowercase letters, digits and inner hyphens are the characters every resource this library names
 * accepts (S3 bucket names are the strictest).
 */
export function validateEnvironmentSuffix(suffix: string): void {
  if (Token.isUnresolved(suffix)) {
    throw new Error('environmentSuffix is a token (a parameter, an import or an attribute): the suffix is part of resource names ' +
      'checked at synth, so give a literal string, e.g. "prod", or read it from context with app.node.tryGetContext("suffix").');
  }
  if (!SUFFIX_PATTERN.test(suffix)) {
    throw new Error(
      `environmentSuffix "${suffix}" is invalid: use lowercase letters, digits and inner hyphens (for example "prod" or "dev-eu1").`,
    );
  }
  if (suffix.length > MAX_ENVIRONMENT_SUFFIX_LENGTH) {
    throw new Error(
      `environmentSuffix "${suffix}" is ${suffix.length} characters: at most ${MAX_ENVIRONMENT_SUFFIX_LENGTH} keep the bucket name ` +
      `"compliance-${LONGEST_BUCKET_PURPOSE}-${suffix}-{account}-{region}" within S3's ${S3_BUCKET_NAME_LIMIT}-character limit ` +
      'for every account and region.',
    );
  }
}

/** `compliance-{purpose}-{suffix}`, the name of every named resource. */
export function resourceName(purpose: string, environmentSuffix: string): string {
  return `compliance-${purpose}-${environmentSuffix}`;
}

/** `compliance-{purpose}-{suffix}-{account}-{region}`: globally unique, as bucket names must be. */
export function bucketName(purpose: BucketPurpose, environmentSuffix: string): string {
  return `${resourceName(purpose, environmentSuffix)}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}
