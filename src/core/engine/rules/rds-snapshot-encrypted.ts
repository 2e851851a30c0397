import { RuleImplementation } from '../types';
import { compliant, nonCompliant } from '../verdict';

const ENCRYPTED = compliant('Snapshot is encrypted');
const NOT_ENCRYPTED = nonCompliant('Snapshot is not encrypted');

/**
 * RDS_SNAPSHOT_ENCRYPTED: the snapshot is encrypted. Config records a DB snapshot's encryption as
 * `encrypted` and a cluster snapshot's as `storageEncrypted`; anything but true is not encrypted.
 * The current page lists both snapshot types; the older one listed no resource types.
 */
export const rdsSnapshotEncrypted: RuleImplementation = {
  ruleName: 'rds-snapshot-encrypted',
  compile: () => (item) => {
    const configuration = item.configuration;
    const encrypted = item.resourceType === 'AWS::RDS::DBClusterSnapshot' ? configuration.storageEncrypted : configuration.encrypted;
    return encrypted === true ? ENCRYPTED : NOT_ENCRYPTED;
  },
};
