import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import { createRemediator } from './remediator';
import { REMEDIATOR_SETTINGS } from '../../src/core/settings/handler-settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../observability/logger';
import { createTracer } from '../observability/tracer';
import { Fix } from '../remediation/fix';
import { documentClientOf, dynamodbClient } from '../runtime/clients/dynamodb';
import { snsClient } from '../runtime/clients/sns';

const tracer = createTracer('remediator');
const settings = REMEDIATOR_SETTINGS.decode(process.env);

/** Runs `load` once, on first use, and gives its result ever after. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/**
 * A fix whose module and SDK client load on its first request: a container loads only what its
 * requests need (the EC2 client alone takes a third of a second). esbuild bundles these imports
 * as modules initialized on first use.
 */
function onFirstUse(load: () => Promise<Fix>): Fix {
  const fix = once(load);
  return async (request, rule) => (await fix())(request, rule);
}

/** One client per service and container, shared by the fixes that use it. */
const s3 = once(async (): Promise<S3Client> => (await import('../runtime/clients/s3.js')).s3Client(tracer));
const ec2 = once(async (): Promise<EC2Client> => (await import('../runtime/clients/ec2.js')).ec2Client(tracer));
const rds = once(async (): Promise<RDSClient> => (await import('../runtime/clients/rds.js')).rdsClient(tracer));
/** The findings store's client, made with the container: the DynamoDB fix shares it. */
const dynamodb = dynamodbClient(tracer);

async function s3EncryptionFix(kms: boolean): Promise<Fix> {
  const { s3EncryptionFix: fix } = await import('../remediation/fixes/s3-encryption.js');
  return fix(await s3(), kms);
}

/** Entry point of the remediator Lambda function: settings read and clients created once per container. */
export const handler = createRemediator({
  fixes: {
    S3_ENCRYPTION_KMS: onFirstUse(() => s3EncryptionFix(true)),
    S3_ENCRYPTION_AES256: onFirstUse(() => s3EncryptionFix(false)),
    CLOSE_WORLD_INGRESS: onFirstUse(async () => (await import('../remediation/fixes/world-ingress.js')).worldIngressFix(await ec2())),
    REQUIRE_IMDSV2: onFirstUse(async () => (await import('../remediation/fixes/imdsv2.js')).imdsv2Fix(await ec2())),
    RAISE_BACKUP_RETENTION: onFirstUse(async () => (await import('../remediation/fixes/backup-retention.js')).backupRetentionFix(await rds())),
    BLOCK_BUCKET_PUBLIC_ACCESS: onFirstUse(async () => (await import('../remediation/fixes/s3-public-access-block.js')).s3PublicAccessBlockFix(await s3())),
    ENABLE_S3_VERSIONING: onFirstUse(async () => (await import('../remediation/fixes/s3-versioning.js')).s3VersioningFix(await s3())),
    ENABLE_DYNAMODB_PITR: onFirstUse(async () => (await import('../remediation/fixes/dynamodb-pitr.js')).dynamodbPitrFix(dynamodb)),
    CLOSE_DEFAULT_SECURITY_GROUP: onFirstUse(async () =>
      (await import('../remediation/fixes/default-security-group.js')).defaultSecurityGroupFix(await ec2())),
    DISABLE_RDS_PUBLIC_ACCESS: onFirstUse(async () => (await import('../remediation/fixes/rds-public-access.js')).rdsPublicAccessFix(await rds())),
  },
  store: new FindingStore(documentClientOf(dynamodb), settings.findingsTable, settings.findingsTtlDays),
  sns: snsClient(tracer),
  alertTopicArn: settings.alertTopicArn,
  mode: settings.remediationMode,
  rules: [...settings.rules],
  logger: createLogger('remediator'),
  tracer,
});
