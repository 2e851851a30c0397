import { RuleImplementation } from '../types';
import { asArray, asNumber, asRecord, asText, JsonRecord } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const AWS_MANAGED = notApplicable('AWS managed policy: the rule evaluates customer managed policies only');
const PERMISSIONS_BOUNDARY = notApplicable('Used as a permissions boundary, which excludePermissionBoundaryPolicy excludes');
const BOUNDARY_USE_NOT_RECORDED = notApplicable('The default version allows Action "*" on Resource "*", but the item does not record ' +
  'whether the policy is used as a permissions boundary (permissionsBoundaryUsageCount), which excludePermissionBoundaryPolicy needs');
const NO_DEFAULT_VERSION = notApplicable('No default policy version recorded');
const unreadable = sharedVerdicts((version: string) => notApplicable(`The document of default version ${version} is not a readable policy document`));
const adminAccess = sharedVerdicts((version: string) => nonCompliant(`Default version ${version} has a statement that allows Action "*" on Resource "*"`));
const noAdminAccess = sharedVerdicts((version: string) => compliant(`No statement of default version ${version} allows Action "*" on Resource "*"`));

/** AWS managed policies' ARNs, in every partition: `arn:aws:iam::aws:policy/AdministratorAccess`. */
const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

/**
 * A version's document: URL-encoded JSON text, as Config records it; the RDK's hand-sanitised sample
 * shows it decoded, as a list of documents. Undefined when it is neither.
 */
function documentsOf(document: unknown): JsonRecord[] | undefined {
  let decoded = document;
  if (typeof document === 'string') {
    try {
      decoded = JSON.parse(decodeURIComponent(document));
    } catch {
      return undefined;
    }
  }
  const documents = (Array.isArray(decoded) ? decoded : [decoded]).map(asRecord);
  return documents.every((entry) => entry !== undefined) ? documents as JsonRecord[] : undefined;
}

/** A policy element that may be one value or a list of them (Statement, Action, Resource). */
function oneOrMany(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * The page's statement: "Effect": "Allow" with "Action": "*" over "Resource": "*", each of Action
 * and Resource also as a list that holds "*". The page names Action, not NotAction: a statement
 * with NotAction (everything but some actions) is not one, nor is one with NotResource; a Condition
 * does not make it another.
 */
function allowsEverything(statement: unknown): boolean {
  const entry = asRecord(statement);
  return entry?.Effect === 'Allow' && oneOrMany(entry.Action).includes('*') && oneOrMany(entry.Resource).includes('*');
}

/**
 * IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS: no statement of a customer managed policy's default
 * version (`policyVersionList[]` with `isDefaultVersion` true) allows every action on every resource.
 * AWS managed policies are not evaluated. With `excludePermissionBoundaryPolicy` "true", policies
 * used as permissions boundaries (`permissionsBoundaryUsageCount` above 0) are not either; an item
 * that does not record the count (the RDK's 2016 sample) is NOT_APPLICABLE when the exclusion would
 * decide a violation, never a guess. The older page had no parameter and did not name inline policies.
 */
export const iamPolicyNoStatementsWithAdminAccess: RuleImplementation = {
  ruleName: 'iam-policy-no-statements-with-admin-access',
  compile: (parameters) => {
    const excludeBoundaries = parameters.excludePermissionBoundaryPolicy === 'true';
    return (item) => {
      const configuration = item.configuration;
      if (AWS_MANAGED_ARN.test(asText(configuration.arn))) {
        return AWS_MANAGED;
      }
      const boundaryUses = excludeBoundaries ? asNumber(configuration.permissionsBoundaryUsageCount) : 0;
      if (boundaryUses !== undefined && boundaryUses > 0) {
        return PERMISSIONS_BOUNDARY;
      }
      const defaultVersion = asArray(configuration.policyVersionList).map(asRecord).find((version) => version?.isDefaultVersion === true);
      if (defaultVersion === undefined) {
        return NO_DEFAULT_VERSION;
      }
      const versionId = asText(defaultVersion.versionId);
      const documents = documentsOf(defaultVersion.document);
      if (documents === undefined) {
        return unreadable(versionId);
      }
      if (!documents.some((document) => oneOrMany(document.Statement).some(allowsEverything))) {
        return noAdminAccess(versionId);
      }
      return boundaryUses === undefined ? BOUNDARY_USE_NOT_RECORDED : adminAccess(versionId);
    };
  },
};
