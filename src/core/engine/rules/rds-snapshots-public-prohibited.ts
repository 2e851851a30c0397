import { RuleImplementation } from '../types';
import { asArray, asRecord } from '../values';
import { compliant, nonCompliant, notApplicable } from '../verdict';

const PUBLIC = nonCompliant('Snapshot is public (its restore attribute includes all)');
const NOT_PUBLIC = compliant('Snapshot is not public');
const NOT_RECORDED = notApplicable('Snapshot attributes not recorded');

/** Where Config records the snapshot's attributes, by resource type. */
const ATTRIBUTES_KEY: Readonly<Record<string, string>> = {
  'AWS::RDS::DBSnapshot': 'DBSnapshotAttributes',
  'AWS::RDS::DBClusterSnapshot': 'DBClusterSnapshotAttributes',
};

/**
 * RDS_SNAPSHOTS_PUBLIC_PROHIBITED: NON_COMPLIANT when a snapshot is public, that is when its
 * `restore` attribute (supplementaryConfiguration.DBSnapshotAttributes, or
 * DBClusterSnapshotAttributes for a cluster snapshot) lists `all`. Sharing with named accounts is not
 * public. An item without the attribute list is not recorded: NOT_APPLICABLE. The current page
 * lists both snapshot types; the older one listed no resource types.
 */
export const rdsSnapshotsPublicProhibited: RuleImplementation = {
  ruleName: 'rds-snapshots-public-prohibited',
  compile: () => (item) => {
    const attributes = item.supplementaryConfiguration[ATTRIBUTES_KEY[item.resourceType]];
    if (!Array.isArray(attributes)) {
      return NOT_RECORDED;
    }
    const isPublic = attributes.some((entry) => {
      const attribute = asRecord(entry);
      return attribute?.attributeName === 'restore' && asArray(attribute.attributeValues).includes('all');
    });
    return isPublic ? PUBLIC : NOT_PUBLIC;
  },
};
