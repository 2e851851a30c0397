import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable } from '../verdict';

const ENABLED = compliant('Automatic minor version upgrade is enabled');
const DISABLED = nonCompliant('Automatic minor version upgrade is disabled');
const NOT_RECORDED = notApplicable('Automatic minor version upgrade (autoMinorVersionUpgrade) not recorded');

/**
 * RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED: NON_COMPLIANT when `autoMinorVersionUpgrade` is
 * false. The page judges that value alone; an item that does not record it is NOT_APPLICABLE.
 */
export const rdsAutomaticMinorVersionUpgradeEnabled: RuleImplementation = {
  ruleName: 'rds-automatic-minor-version-upgrade-enabled',
  compile: () => (item) => {
    const enabled = item.configuration.autoMinorVersionUpgrade;
    if (typeof enabled !== 'boolean') {
      return NOT_RECORDED;
    }
    return enabled ? ENABLED : DISABLED;
  },
};
