import { createRemediator } from './remediator';
import { RemediationMode } from '../../src/core/remediation-mode';
import { countSetting, deployedRules, oneOfSetting, requiredSetting } from '../../src/core/settings/settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../logging/logger';
import { Fix } from '../remediation/fix';
import { documentClient } from '../runtime/clients/dynamodb';
import { snsClient } from '../runtime/clients/sns';

/**
 * A fix whose module and SDK client load on its first request: a container loads only what its
 * requests need (the EC2 client alone takes a third of a second). esbuild bundles these imports
 * as modules initialized on first use.
 */
function onFirstUse(load: () => Promise<Fix>): Fix {
  let loaded: Promise<Fix> | undefined;
  return async (request, rule) => (await (loaded ??= load()))(request, rule);
}

async function s3EncryptionFix(kms: boolean): Promise<Fix> {
  const { s3EncryptionFix: fix } = await import('../remediation/fixes/s3-encryption.js');
  return fix((await import('../runtime/clients/s3.js')).s3Client, kms);
}

/** Entry point of the remediator Lambda function: settings read and clients created once per container. */
export const handler = createRemediator({
  fixes: {
    S3_ENCRYPTION_KMS: onFirstUse(() => s3EncryptionFix(true)),
    S3_ENCRYPTION_AES256: onFirstUse(() => s3EncryptionFix(false)),
    CLOSE_WORLD_INGRESS: onFirstUse(async () =>
      (await import('../remediation/fixes/world-ingress.js')).worldIngressFix((await import('../runtime/clients/ec2.js')).ec2Client)),
    REQUIRE_IMDSV2: onFirstUse(async () =>
      (await import('../remediation/fixes/imdsv2.js')).imdsv2Fix((await import('../runtime/clients/ec2.js')).ec2Client)),
    RAISE_BACKUP_RETENTION: onFirstUse(async () =>
      (await import('../remediation/fixes/backup-retention.js')).backupRetentionFix((await import('../runtime/clients/rds.js')).rdsClient)),
  },
  store: new FindingStore(
    documentClient, requiredSetting(process.env, 'FINDINGS_TABLE'), countSetting(process.env, 'FINDINGS_TTL_DAYS'),
  ),
  sns: snsClient,
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  mode: oneOfSetting(process.env, 'REMEDIATION_MODE', Object.values(RemediationMode)),
  rules: deployedRules(process.env),
  logger: createLogger('remediator'),
});
