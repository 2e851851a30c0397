import { RuleImplementation } from '../types';
import { asRecord, asRecordOrJson, asString, JsonRecord } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** `*` and `?` match any text in a policy value; `${...}` is a policy variable: neither is a fixed value. */
const NOT_FIXED = /[*?]|\$\{/;

/**
 * Condition keys whose fixed values confine a statement with a wildcard principal to known accounts,
 * organizations, sources or networks (lower case: IAM compares condition keys without case).
 * aws:SourceIp is not one: how narrow a CIDR must be is a judgement the page does not make.
 */
const CONFINING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourcevpc', 'aws:sourcevpce',
  'aws:principalorgid', 'aws:principalaccount', 'aws:principalarn',
]);
const S3_SOURCE_KEYS: ReadonlySet<string> = new Set(['aws:sourceaccount']);
const S3_SERVICE = 's3.amazonaws.com';

/** Operators under which a condition key must equal one of the values given (with ForAnyValue, one of the request's values must). */
const MATCHING_OPERATORS: ReadonlySet<string> = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike']);
const ANY_VALUE_PREFIX = 'ForAnyValue:';

function statementsOf(policy: JsonRecord): JsonRecord[] {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.map(asRecord).filter((statement): statement is JsonRecord => statement !== undefined);
}

function stringsOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
}

/** The principals a statement names: `"*"`, or the values of `{"AWS": ..., "Service": ...}`. */
function principalsOf(principal: unknown): string[] {
  const byType = asRecord(principal);
  return byType ? Object.values(byType).flatMap(stringsOf) : stringsOf(principal);
}

/** Whether a statement's condition requires one of `keys` to have fixed values. */
function confinedBy(statement: JsonRecord, keys: ReadonlySet<string>): boolean {
  const condition = asRecord(statement.Condition) ?? {};
  return Object.entries(condition).some(([operator, tests]) => {
    const bare = operator.startsWith(ANY_VALUE_PREFIX) ? operator.slice(ANY_VALUE_PREFIX.length) : operator;
    if (!MATCHING_OPERATORS.has(bare)) {
      return false;
    }
    return Object.entries(asRecord(tests) ?? {}).some(([key, values]) => {
      const fixed = stringsOf(values);
      return keys.has(key.toLowerCase()) && fixed.length > 0 && fixed.every((value) => value.length > 0 && !NOT_FIXED.test(value));
    });
  });
}

/** Why a statement makes the function public, or undefined when it does not. */
function publicGrant(statement: JsonRecord): 'public' | 's3' | undefined {
  if (statement.Effect !== 'Allow') {
    return undefined;
  }
  // An Allow to everyone but the NotPrincipal is an Allow to the public.
  const principals = statement.NotPrincipal !== undefined ? ['*'] : principalsOf(statement.Principal);
  const wildcard = principals.length === 0 || principals.some((principal) => principal.length === 0 || NOT_FIXED.test(principal));
  if (wildcard && !confinedBy(statement, CONFINING_KEYS)) {
    return 'public';
  }
  return principals.includes(S3_SERVICE) && !confinedBy(statement, S3_SOURCE_KEYS) ? 's3' : undefined;
}

const NO_POLICY = compliant('No function policy');
const NOT_PUBLIC = compliant('Function policy allows no public access');
const POLICY_NOT_READ = notApplicable('Function policy is not a readable policy document');
const publicStatement = sharedVerdicts((statement: string) => nonCompliant(`Function policy statement ${statement} allows public access`));
const s3Statement = sharedVerdicts((statement: string) =>
  nonCompliant(`Function policy statement ${statement} lets Amazon S3 invoke the function without an AWS:SourceAccount condition`));

/**
 * LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED: the function policy (supplementaryConfiguration.Policy)
 * allows no public access. The current page says (an older one had the first sentence only): a
 * policy is public when a principal is empty or contains a wildcard; a non-public policy grants
 * access to fixed values only (no wildcard, no policy variable); and a function that Amazon S3
 * invokes needs a condition such as AWS:SourceAccount. So an Allow to a wildcard principal is
 * public unless its condition confines it to fixed accounts, organizations, source ARNs or VPCs, and
 * an Allow to s3.amazonaws.com needs a fixed AWS:SourceAccount (Security Hub Lambda.1 names that key).
 * A function without a policy is not public.
 */
export const lambdaFunctionPublicAccessProhibited: RuleImplementation = {
  ruleName: 'lambda-function-public-access-prohibited',
  compile: () => (item) => {
    const recorded = item.supplementaryConfiguration.Policy;
    if (recorded === undefined || recorded === null) {
      return NO_POLICY;
    }
    // JSON text in the items the real data shows (select-resource-config, the API); an object is read too.
    const policy = asRecordOrJson(recorded);
    if (!policy) {
      return POLICY_NOT_READ;
    }
    const statements = statementsOf(policy);
    for (let index = 0; index < statements.length; index++) {
      const grant = publicGrant(statements[index]);
      if (grant) {
        const name = asString(statements[index].Sid) ?? `#${index + 1}`;
        return grant === 'public' ? publicStatement(name) : s3Statement(name);
      }
    }
    return NOT_PUBLIC;
  },
};
