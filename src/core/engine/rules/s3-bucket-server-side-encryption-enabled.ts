import { ConfigurationItem, RuleImplementation } from '../types';
import { asArray, asRecord, asRecordOrJson, asString, JsonRecord } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { defaultEncryption } from './s3-encryption';

const SSE_HEADER = 's3:x-amz-server-side-encryption';

/** The most IAM policy variables (`${aws:username}`, `${*}`...) AWS's rule reads in one policy value. */
const POLICY_VARIABLES_PER_VALUE = 5;
const POLICY_VARIABLE = /\$\{[^}]*\}/g;

/** The bucket policy, parsed; undefined when the bucket has none or its text is not JSON. */
function bucketPolicy(item: ConfigurationItem): JsonRecord | undefined {
  return asRecordOrJson(asString(asRecord(item.supplementaryConfiguration.BucketPolicy)?.policyText));
}

/** Whether one string value of the policy (a Resource, a Condition value...) holds more policy variables than AWS reads. */
function hasValueWithTooManyVariables(policy: JsonRecord): boolean {
  // A list of what is still to visit, not recursion: a policy nests as deep as its author wrote it.
  const pending: unknown[] = [policy];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if ((value.match(POLICY_VARIABLE)?.length ?? 0) > POLICY_VARIABLES_PER_VALUE) {
        return true;
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) {
        pending.push(child);
      }
    }
  }
  return false;
}

function deniesPutObject(statement: JsonRecord): boolean {
  const actions = typeof statement.Action === 'string' ? [statement.Action] : asArray(statement.Action);
  return statement.Effect === 'Deny' && actions.some((action) => action === 's3:PutObject' || action === 's3:*' || action === '*');
}

/** A Deny of PutObject whose condition requires the SSE header (absent, or not AES256/aws:kms). */
function requiresSseHeader(statement: JsonRecord): boolean {
  const condition = asRecord(statement.Condition) ?? {};
  return ['StringNotEquals', 'Null', 'StringNotEqualsIfExists'].some((operator) => asRecord(condition[operator])?.[SSE_HEADER] !== undefined);
}

function deniesUnencryptedPuts(policy: JsonRecord): boolean {
  return asArray(policy.Statement).some((raw) => {
    const statement = asRecord(raw);
    return statement !== undefined && deniesPutObject(statement) && requiresSseHeader(statement);
  });
}

const encryptedBy = sharedVerdicts((sseAlgorithm: string) => compliant(`Default encryption ${sseAlgorithm}`));
const POLICY_DENIES_UNENCRYPTED = compliant('Bucket policy denies PutObject without server-side encryption');
const UNENCRYPTED = nonCompliant('No default encryption, and the bucket policy does not deny unencrypted PutObject');
const POLICY_NOT_EVALUATED = nonCompliant(
  `A bucket policy value has more than ${POLICY_VARIABLES_PER_VALUE} IAM policy variables, which AWS Config cannot evaluate: ` +
  `split it so that each value has ${POLICY_VARIABLES_PER_VALUE} or fewer`);

/**
 * S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: the bucket has default encryption, or its policy
 * explicitly denies PutObject requests without server-side encryption.
 *
 * The current AWS page adds (an older one did not): "If a single value in an S3 bucket policy (for
 * example, one Resource or Condition value) contains more than five IAM policy variables, the rule
 * can't evaluate that policy and returns NON_COMPLIANT, even if the policy would otherwise be
 * compliant." The page makes no exception for default encryption, so neither does the engine.
 */
export const s3BucketServerSideEncryptionEnabled: RuleImplementation = {
  ruleName: 's3-bucket-server-side-encryption-enabled',
  compile: () => (item) => {
    const policy = bucketPolicy(item);
    if (policy && hasValueWithTooManyVariables(policy)) {
      return POLICY_NOT_EVALUATED;
    }
    const rule = defaultEncryption(item)[0];
    if (rule) {
      return encryptedBy(rule.sseAlgorithm);
    }
    if (policy && deniesUnencryptedPuts(policy)) {
      return POLICY_DENIES_UNENCRYPTED;
    }
    return UNENCRYPTED;
  },
};
