import { RuleImplementation } from '../types';
import { asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** The engines the page evaluates. */
const ENGINES: ReadonlySet<string> = new Set(['mysql', 'postgres', 'aurora', 'aurora-mysql', 'aurora-postgresql']);
/** The instance statuses the page evaluates. */
const STATUSES: ReadonlySet<string> = new Set(['available', 'backing-up', 'storage-optimization', 'storage-full']);

const ENABLED = compliant('IAM database authentication is enabled');
const DISABLED = nonCompliant('IAM database authentication is not enabled');
const otherEngine = sharedVerdicts((engine: string) =>
  notApplicable(`Engine ${engine || 'not recorded'} is not evaluated (only mysql, postgres, aurora, aurora-mysql and aurora-postgresql)`));
const otherStatus = sharedVerdicts((status: string) =>
  notApplicable(`Instance status ${status || 'not recorded'} is not evaluated (only available, backing-up, storage-optimization and storage-full)`));

/**
 * RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED: `iAMDatabaseAuthenticationEnabled` is true. The current
 * page evaluates only the engines mysql, postgres, aurora, aurora-mysql and aurora-postgresql, in
 * the statuses available, backing-up, storage-optimization and storage-full; other instances are
 * NOT_APPLICABLE (the older page named no such limits; Security Hub RDS.10 also lists mariadb, which
 * the current Config page does not).
 */
export const rdsInstanceIamAuthenticationEnabled: RuleImplementation = {
  ruleName: 'rds-instance-iam-authentication-enabled',
  compile: () => (item) => {
    const configuration = item.configuration;
    const engine = asString(configuration.engine) ?? '';
    if (!ENGINES.has(engine)) {
      return otherEngine(engine);
    }
    const status = asString(configuration.dBInstanceStatus) ?? '';
    if (!STATUSES.has(status)) {
      return otherStatus(status);
    }
    return configuration.iAMDatabaseAuthenticationEnabled === true ? ENABLED : DISABLED;
  },
};
