import { ModifyDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { dbInstanceOf } from './db-instance';
import { asNumber } from '../../../src/core/engine/values';
import { Fix, nothingToDo, tagRecord } from '../fix';

/** The retention the rule asks for: its exact period, else its minimum, else a day (backups on). */
export function requiredRetention(parameters: Readonly<Record<string, string>>): { days: number; exact: boolean } {
  const exact = asNumber(parameters.backupRetentionPeriod);
  return exact !== undefined ? { days: exact, exact: true } : { days: asNumber(parameters.backupRetentionMinimum) ?? 1, exact: false };
}

/**
 * Raises a DB instance's backup retention to the rule's; never lowers it, since that deletes
 * backups.
 */
export function backupRetentionFix(rds: RDSClient): Fix {
  return async (request, rule) => {
    const instance = await dbInstanceOf(rds, request.resourceId);
    if (!instance) {
      return nothingToDo(`DB instance ${request.resourceId} no longer exists`);
    }
    const tags = tagRecord(instance.TagList);
    const current = instance.BackupRetentionPeriod ?? 0;
    const required = requiredRetention(rule.parameters ?? {});
    if (current > required.days && required.exact) {
      return nothingToDo(`backup retention is ${current} days, above the rule's ${required.days}: lowering it deletes backups, so change it by hand`, tags, true);
    }
    if (current >= required.days) {
      return nothingToDo(`backup retention is already ${current} days`, tags);
    }
    const identifier = instance.DBInstanceIdentifier;
    return {
      tags,
      actions: [`raise the backup retention of ${identifier} from ${current} to ${required.days} days` +
        (current === 0 ? ' (turning backups on briefly suspends I/O on single-AZ instances)' : '')],
      apply: async () => {
        await rds.send(new ModifyDBInstanceCommand({
          DBInstanceIdentifier: identifier, BackupRetentionPeriod: required.days, ApplyImmediately: true,
        }));
      },
    };
  };
}
