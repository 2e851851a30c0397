import { ModifyDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { dbInstanceOf } from './db-instance';
import { Fix, nothingToDo, tagRecord } from '../fix';

/**
 * Makes a DB instance not publicly accessible: its endpoint then resolves to its private address
 * only. Applied immediately, as the backup-retention fix is.
 */
export function rdsPublicAccessFix(rds: RDSClient): Fix {
  return async (request) => {
    const instance = await dbInstanceOf(rds, request.resourceId);
    if (!instance) {
      return nothingToDo(`DB instance ${request.resourceId} no longer exists`);
    }
    const tags = tagRecord(instance.TagList);
    if (!instance.PubliclyAccessible) {
      return nothingToDo('the DB instance is already not publicly accessible', tags);
    }
    const identifier = instance.DBInstanceIdentifier;
    return {
      tags,
      actions: [`make ${identifier} not publicly accessible (PubliclyAccessible true → false)`],
      apply: async () => {
        await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: identifier, PubliclyAccessible: false, ApplyImmediately: true }));
      },
    };
  };
}
