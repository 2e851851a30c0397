import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const PROTECTED = compliant('Deletion protection is enabled');
const UNPROTECTED = nonCompliant('Deletion protection is not enabled');
const ENGINE_NOT_RECORDED = notApplicable('Engine not recorded, so not one of databaseEngines');
const engineNotListed = sharedVerdicts((engine: string) => notApplicable(`Engine ${engine} is not one of databaseEngines`));
const clusterMember = sharedVerdicts((cluster: string) =>
  notApplicable(`Instance of DB cluster ${cluster}: deletion protection is set on the cluster`));

/**
 * RDS_INSTANCE_DELETION_PROTECTION_ENABLED: `deletionProtection` is true; anything else, a missing
 * field included (instances recorded before the setting existed), is "not enabled". With
 * `databaseEngines`, only instances of those engines are evaluated (engine names compared without
 * regard to case, as RDS takes them); others are NOT_APPLICABLE.
 *
 * The current page warns that instances within a cluster "will show as not applicable because
 * deletion protection is set at the cluster level" (an older page said they show as non-compliant):
 * an instance whose item names its DB cluster is NOT_APPLICABLE.
 */
export const rdsInstanceDeletionProtectionEnabled: RuleImplementation = {
  ruleName: 'rds-instance-deletion-protection-enabled',
  compile: (parameters) => {
    const engines = csv(parameters.databaseEngines).map((engine) => engine.toLowerCase());
    const included = engines.length > 0 ? new Set(engines) : undefined;
    return (item) => {
      const configuration = item.configuration;
      if (included) {
        const engine = asString(configuration.engine);
        if (engine === undefined) {
          return ENGINE_NOT_RECORDED;
        }
        if (!included.has(engine.toLowerCase())) {
          return engineNotListed(engine);
        }
      }
      const cluster = asString(configuration.dBClusterIdentifier);
      if (cluster) {
        return clusterMember(cluster);
      }
      return configuration.deletionProtection === true ? PROTECTED : UNPROTECTED;
    };
  },
};
