import type { RuleCases } from './rule-case';
import { fixture, invokingEventItem } from '../../support/fixtures';

/** The RDK sample instance (1.2 history shape): mysql, multiAZ, monitoring every 60 seconds. */
const RDK_RDS = fixture('configuration-items/rdk-example-AWS_RDS_DBInstance.json');
/** A rule invocation's instance (1.3 shape): postgres, available, public, single-AZ, no IAM authentication. */
const RDS_EVENT = invokingEventItem('configuration-items/AWS-RDS-DBInstance.rule-event.json');
/** The RDK sample cluster snapshot (history keys accountId, arn): encrypted, private. */
const CLUSTER_SNAPSHOT = fixture('configuration-items/AWS-RDS-DBClusterSnapshot.json');

/** For each rule of src/core/rules/families/rds.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const RDS_CASES: RuleCases = {
  'rds-instance-public-access-check': [RDS_EVENT, {}],
  'rds-multi-az-support': [RDK_RDS, {}],
  'rds-instance-deletion-protection-enabled': [RDS_EVENT, {}],
  'rds-automatic-minor-version-upgrade-enabled': [RDK_RDS, {}],
  'rds-enhanced-monitoring-enabled': [RDK_RDS, { monitoringInterval: '60' }],
  'rds-snapshots-public-prohibited': [CLUSTER_SNAPSHOT, {}],
  'rds-snapshot-encrypted': [CLUSTER_SNAPSHOT, {}],
  'rds-instance-iam-authentication-enabled': [RDS_EVENT, {}],
};
