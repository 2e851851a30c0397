import { ConfigurationItem, RuleImplementation } from '../types';
import { asRecord, JsonRecord } from '../values';
import { compliant, nonCompliant, notApplicable } from '../verdict';

/** Stands for any object key: a character no bucket name holds, which only a `*` of a Resource matches. */
const ANY_KEY = '\u0000';

/** Whether an IAM Resource pattern (`*` any run of characters, `?` one; case-sensitive) matches the text. */
function matches(pattern: string, text: string): boolean {
  // Iterative wildcard matching, backtracking to the last `*` only: linear in practice, no recursion.
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      starText = t;
    } else if (p < pattern.length && (pattern[p] === text[t] || (pattern[p] === '?' && text[t] !== ANY_KEY))) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}

function strings(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A JSON value that may be JSON text, or JSON text of JSON text (as history items write some values). */
function jsonRecord(value: unknown): JsonRecord | undefined {
  let decoded = value;
  for (let depth = 0; depth < 2 && typeof decoded === 'string'; depth++) {
    try {
      decoded = JSON.parse(decoded);
    } catch {
      return undefined;
    }
  }
  return asRecord(decoded);
}

/** Every principal: `"*"`, or `{"AWS": "*"}` (alone or in a list). */
function isEveryone(principal: unknown): boolean {
  return principal === '*' || strings(asRecord(principal)?.AWS).includes('*');
}

/** Every S3 action: `s3:*` or `*` among the actions (action names are case-insensitive). */
function isEveryS3Action(action: unknown): boolean {
  return strings(action).some((name) => typeof name === 'string' && (name === '*' || name.toLowerCase() === 's3:*'));
}

/** The condition is exactly `{"Bool": {"aws:SecureTransport": "false"}}`: nothing else narrows the deny. */
function isInsecureTransport(condition: unknown): boolean {
  const operators = Object.entries(asRecord(condition) ?? {});
  if (operators.length !== 1 || operators[0][0] !== 'Bool') {
    return false;
  }
  const keys = Object.entries(asRecord(operators[0][1]) ?? {});
  return keys.length === 1 && keys[0][0].toLowerCase() === 'aws:securetransport'
    && strings(keys[0][1]).every((value) => value === 'false' || value === false);
}

interface Coverage {
  bucket: boolean;
  objects: boolean;
}

/** What the policy's statements that deny every principal every S3 action without TLS cover: the bucket, all its objects. */
function deniedWithoutTls(policy: JsonRecord, bucketArn: string): Coverage {
  const coverage: Coverage = { bucket: false, objects: false };
  for (const raw of strings(policy.Statement)) {
    const statement = asRecord(raw);
    if (statement?.Effect !== 'Deny' || !isEveryone(statement.Principal) || !isEveryS3Action(statement.Action)
      || !isInsecureTransport(statement.Condition)) {
      continue;
    }
    for (const resource of strings(statement.Resource)) {
      if (typeof resource === 'string') {
        coverage.bucket ||= matches(resource, bucketArn);
        coverage.objects ||= matches(resource, `${bucketArn}/${ANY_KEY}`);
      }
    }
  }
  return coverage;
}

function bucketArnOf(item: ConfigurationItem): string {
  return item.ARN ?? `arn:aws:s3:::${item.resourceId}`;
}

const DENIED = compliant('Bucket policy denies requests without TLS (aws:SecureTransport false) to the bucket and its objects');
const NO_POLICY = nonCompliant('No bucket policy: requests without TLS are not denied');
const NOT_DENIED = nonCompliant(
  'Bucket policy does not deny requests without TLS (Deny, Principal *, Action s3:*, Bool aws:SecureTransport false) to the bucket and its objects');
const OBJECTS_NOT_DENIED = nonCompliant('Bucket policy denies requests without TLS to the bucket, not to all its objects');
const BUCKET_NOT_DENIED = nonCompliant('Bucket policy denies requests without TLS to objects, not to the bucket itself');
const UNREADABLE = notApplicable('Bucket policy text is not a JSON policy');

/**
 * S3_BUCKET_SSL_REQUESTS_ONLY: the bucket policy explicitly denies requests over HTTP. As AWS
 * describes such a statement (the Knowledge Center article the rule's Security Hub control S3.5
 * links, and Control Tower's CT.S3.PR.8): Effect Deny, Principal `*`, Action `s3:*` (or `*`), the
 * single condition Bool `aws:SecureTransport` "false", over the bucket and its objects (`*`, or the
 * bucket's ARN and `<ARN>/*`; other wildcards as IAM matches them). A bucket without a policy does
 * not deny HTTP requests: NON_COMPLIANT. The first page (2020) showed a statement over `<ARN>/*`
 * alone as COMPLIANT; the current guidance requires the bucket too, and the engine follows it.
 */
export const s3BucketSslRequestsOnly: RuleImplementation = {
  ruleName: 's3-bucket-ssl-requests-only',
  compile: () => (item) => {
    // An object in a rule invocation's item; JSON text (possibly twice encoded) in the API's shapes.
    const policyText = jsonRecord(item.supplementaryConfiguration.BucketPolicy)?.policyText;
    if (policyText === undefined || policyText === null) {
      return NO_POLICY;
    }
    const policy = jsonRecord(policyText);
    if (policy === undefined) {
      return UNREADABLE;
    }
    const { bucket, objects } = deniedWithoutTls(policy, bucketArnOf(item));
    if (bucket && objects) {
      return DENIED;
    }
    if (bucket) {
      return OBJECTS_NOT_DENIED;
    }
    return objects ? BUCKET_NOT_DENIED : NOT_DENIED;
  },
};
