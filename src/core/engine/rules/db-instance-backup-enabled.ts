import { RuleImplementation } from '../types';
import { asNumber, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const READ_REPLICA = notApplicable('Read replica; set checkReadReplicas to evaluate replicas');
const BACKUPS_DISABLED = nonCompliant('Automated backups are disabled (backup retention 0 days)');
const RETENTION_NOT_RECORDED = notApplicable('Backup retention not recorded');
const WINDOW_NOT_RECORDED = notApplicable('Backup window not recorded');
const backupsKept = sharedVerdicts((retention: number) => compliant(`Automated backups kept ${retention} days`));

/**
 * DB_INSTANCE_BACKUP_ENABLED: automated backups are on (retention of at least a day); optionally
 * with an exact retention, a minimum retention and an exact window. Read replicas are evaluated only
 * with `checkReadReplicas` true. A retention or window the item does not record is not a violation
 * (the page names none): NOT_APPLICABLE, not recorded.
 */
export const dbInstanceBackupEnabled: RuleImplementation = {
  ruleName: 'db-instance-backup-enabled',
  compile: (parameters) => {
    const exactRetention = asNumber(parameters.backupRetentionPeriod);
    const minimumRetention = asNumber(parameters.backupRetentionMinimum);
    const window = parameters.preferredBackupWindow;
    const checkReadReplicas = parameters.checkReadReplicas === 'true';
    return (item) => {
      const configuration = item.configuration;
      if (!checkReadReplicas && asString(configuration.readReplicaSourceDBInstanceIdentifier)) {
        return READ_REPLICA;
      }
      const retention = asNumber(configuration.backupRetentionPeriod);
      if (retention === undefined) {
        return RETENTION_NOT_RECORDED;
      }
      if (retention < 1) {
        return BACKUPS_DISABLED;
      }
      if (exactRetention !== undefined && retention !== exactRetention) {
        return nonCompliant(`Backup retention is ${retention} days, not ${exactRetention}`);
      }
      if (minimumRetention !== undefined && retention < minimumRetention) {
        return nonCompliant(`Backup retention is ${retention} days, below the minimum of ${minimumRetention}`);
      }
      const actualWindow = asString(configuration.preferredBackupWindow);
      if (window && actualWindow === undefined) {
        return WINDOW_NOT_RECORDED;
      }
      if (window && actualWindow !== window) {
        return nonCompliant(`Backup window is ${actualWindow}, not ${window}`);
      }
      return backupsKept(retention);
    };
  },
};
