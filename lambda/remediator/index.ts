import { createRemediator, RemediationModeSetting } from './remediator';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../logging/logger';
import { backupRetentionFix } from '../remediation/fixes/backup-retention';
import { imdsv2Fix } from '../remediation/fixes/imdsv2';
import { s3EncryptionFix } from '../remediation/fixes/s3-encryption';
import { worldIngressFix } from '../remediation/fixes/world-ingress';
import { documentClient, ec2Client, rdsClient, s3Client, snsClient } from '../runtime/clients';
import { countSetting, deployedRules, oneOfSetting, requiredSetting } from '../runtime/settings';

const ec2 = ec2Client();
const s3 = s3Client();
const monitorKeyArn = requiredSetting(process.env, 'REMEDIATION_KMS_KEY_ARN');

/** Entry point of the remediator Lambda function: settings read and clients created once per container. */
export const handler = createRemediator({
  fixes: {
    S3_ENCRYPTION_KMS: s3EncryptionFix(s3, true, monitorKeyArn),
    S3_ENCRYPTION_AES256: s3EncryptionFix(s3, false, monitorKeyArn),
    CLOSE_WORLD_INGRESS: worldIngressFix(ec2),
    REQUIRE_IMDSV2: imdsv2Fix(ec2),
    RAISE_BACKUP_RETENTION: backupRetentionFix(rdsClient()),
  },
  store: new FindingStore(documentClient(), requiredSetting(process.env, 'FINDINGS_TABLE'), countSetting(process.env, 'FINDINGS_TTL_DAYS')),
  sns: snsClient(),
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  mode: oneOfSetting<RemediationModeSetting>(process.env, 'REMEDIATION_MODE', ['DRY_RUN', 'APPLY']),
  rules: deployedRules(process.env),
  logger: createLogger('remediator'),
});
