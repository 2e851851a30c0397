import { RuleImplementation } from '../types';
import { asRecord, asRecordOrJson, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const PITR_ENABLED = compliant('Point-in-time recovery is enabled');
const NOT_RECORDED = notApplicable('Point-in-time recovery status not recorded');
const pitrIs = sharedVerdicts((status: string) => nonCompliant(`Point-in-time recovery is ${status}, not ENABLED`));

/**
 * DYNAMODB_PITR_ENABLED: the table's point-in-time recovery status is ENABLED. Config records it in
 * the supplementary ContinuousBackupsDescription (an object in a 1.3 item, JSON text in the API's);
 * an item without it is not recorded, not a violation.
 */
export const dynamodbPitrEnabled: RuleImplementation = {
  ruleName: 'dynamodb-pitr-enabled',
  compile: () => (item) => {
    const backups = asRecordOrJson(item.supplementaryConfiguration.ContinuousBackupsDescription);
    const status = asString(asRecord(backups?.pointInTimeRecoveryDescription)?.pointInTimeRecoveryStatus);
    if (status === undefined) {
      return NOT_RECORDED;
    }
    return status === 'ENABLED' ? PITR_ENABLED : pitrIs(status);
  },
};
