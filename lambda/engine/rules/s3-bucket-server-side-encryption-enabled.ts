import { ConfigurationItem, RuleImplementation } from '../types';
import { asArray, asRecord, asRecordOrJson, asString, JsonRecord } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { defaultEncryption } from './s3-encryption';

const SSE_HEADER = 's3:x-amz-server-side-encryption';

function deniesPutObject(statement: JsonRecord): boolean {
  const actions = typeof statement.Action === 'string' ? [statement.Action] : asArray(statement.Action);
  return statement.Effect === 'Deny' && actions.some((action) => action === 's3:PutObject' || action === 's3:*' || action === '*');
}

/** A Deny of PutObject whose condition requires the SSE header (absent, or not AES256/aws:kms). */
function requiresSseHeader(statement: JsonRecord): boolean {
  const condition = asRecord(statement.Condition) ?? {};
  return ['StringNotEquals', 'Null', 'StringNotEqualsIfExists'].some((operator) => asRecord(condition[operator])?.[SSE_HEADER] !== undefined);
}

function policyDeniesUnencryptedPuts(item: ConfigurationItem): boolean {
  const policyText = asString(asRecord(item.supplementaryConfiguration.BucketPolicy)?.policyText);
  const policy = asRecordOrJson(policyText);
  return asArray(policy?.Statement).some((raw) => {
    const statement = asRecord(raw);
    return statement !== undefined && deniesPutObject(statement) && requiresSseHeader(statement);
  });
}

const encryptedBy = sharedVerdicts((sseAlgorithm: string) => compliant(`Default encryption ${sseAlgorithm}`));
const POLICY_DENIES_UNENCRYPTED = compliant('Bucket policy denies PutObject without server-side encryption');
const UNENCRYPTED = nonCompliant('No default encryption, and the bucket policy does not deny unencrypted PutObject');

/**
 * S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: the bucket has default encryption, or its policy
 * explicitly denies PutObject requests without server-side encryption.
 */
export const s3BucketServerSideEncryptionEnabled: RuleImplementation = {
  ruleName: 's3-bucket-server-side-encryption-enabled',
  compile: () => (item) => {
    const [rule] = defaultEncryption(item);
    if (rule) {
      return encryptedBy(rule.sseAlgorithm);
    }
    if (policyDeniesUnencryptedPuts(item)) {
      return POLICY_DENIES_UNENCRYPTED;
    }
    return UNENCRYPTED;
  },
};
