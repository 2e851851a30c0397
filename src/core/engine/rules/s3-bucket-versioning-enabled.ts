import { RuleImplementation } from '../types';
import { asRecordOrJson, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const VERSIONING_ENABLED = compliant('Versioning is enabled');
const VERSIONING_AND_MFA_DELETE_ENABLED = compliant('Versioning and MFA delete are enabled');
const MFA_DELETE_DISABLED = nonCompliant('Versioning is enabled, MFA delete is not');
const NOT_RECORDED = notApplicable('Versioning configuration not recorded');
const versioningIs = sharedVerdicts((status: string) => nonCompliant(`Versioning is ${status}, not Enabled`));

/** Whether the rule asks for MFA delete beside versioning: only with `isMfaDeleteEnabled` "true" (see below). */
export function requiresMfaDelete(parameters: Readonly<Record<string, string>>): boolean {
  return parameters.isMfaDeleteEnabled?.toLowerCase() === 'true';
}

/**
 * S3_BUCKET_VERSIONING_ENABLED: the bucket's versioning status is `Enabled` (`Suspended` and `Off`
 * are violations); with `isMfaDeleteEnabled` "true", MFA delete must be enabled too. The page
 * states only the "true" case, so "false" asks for versioning alone, as when the parameter is absent.
 * Config records every bucket's status, `Off` included; an item without one is not recorded, not a violation.
 */
export const s3BucketVersioningEnabled: RuleImplementation = {
  ruleName: 's3-bucket-versioning-enabled',
  compile: (parameters) => {
    const requireMfaDelete = requiresMfaDelete(parameters);
    return (item) => {
      // An object in a rule invocation's item, JSON text in get-resource-config-history's.
      const versioning = asRecordOrJson(item.supplementaryConfiguration.BucketVersioningConfiguration);
      const status = asString(versioning?.status);
      if (status === undefined) {
        return NOT_RECORDED;
      }
      if (status !== 'Enabled') {
        return versioningIs(status);
      }
      if (!requireMfaDelete) {
        return VERSIONING_ENABLED;
      }
      return versioning?.isMfaDeleteEnabled === true ? VERSIONING_AND_MFA_DELETE_ENABLED : MFA_DELETE_DISABLED;
    };
  },
};
