import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable } from '../verdict';

const PUBLIC = nonCompliant('Instance is publicly accessible');
const NOT_PUBLIC = compliant('Instance is not publicly accessible');
const NOT_RECORDED = notApplicable('Public accessibility (publiclyAccessible) not recorded');

/**
 * RDS_INSTANCE_PUBLIC_ACCESS_CHECK: NON_COMPLIANT when `publiclyAccessible` is true. The page judges
 * the field alone, with no exception for engines (Security Hub RDS.2 notes that Neptune and
 * DocumentDB instances are judged too). An item that does not record the field is not judged:
 * NOT_APPLICABLE, rather than COMPLIANT on no evidence.
 */
export const rdsInstancePublicAccessCheck: RuleImplementation = {
  ruleName: 'rds-instance-public-access-check',
  compile: () => (item) => {
    const publiclyAccessible = item.configuration.publiclyAccessible;
    if (typeof publiclyAccessible !== 'boolean') {
      return NOT_RECORDED;
    }
    return publiclyAccessible ? PUBLIC : NOT_PUBLIC;
  },
};
