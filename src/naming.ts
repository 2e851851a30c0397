/**
 * Longest name among the resources this library derives from the environment suffix:
 * `compliance-remediator-{suffix}` for a Lambda function, whose limit is 64 characters.
 */
const LONGEST_NAME_PREFIX = 'compliance-remediator-';
const LAMBDA_FUNCTION_NAME_LIMIT = 64;

/** The longest environment suffix whose derived names all fit their AWS limits. */
export const MAX_ENVIRONMENT_SUFFIX_LENGTH = LAMBDA_FUNCTION_NAME_LIMIT - LONGEST_NAME_PREFIX.length;

const SUFFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Throws at synth time when the suffix cannot appear in every derived resource name.
 *
 * Lowercase letters, digits and inner hyphens are the characters every resource this library names
 * accepts (S3 bucket names are the strictest).
 */
export function validateEnvironmentSuffix(suffix: string): void {
  if (!SUFFIX_PATTERN.test(suffix)) {
    throw new Error(
      `environmentSuffix "${suffix}" is invalid: use lowercase letters, digits and inner hyphens (for example "prod" or "dev-eu1").`,
    );
  }
  if (suffix.length > MAX_ENVIRONMENT_SUFFIX_LENGTH) {
    throw new Error(
      `environmentSuffix "${suffix}" is ${suffix.length} characters: at most ${MAX_ENVIRONMENT_SUFFIX_LENGTH} keep ` +
      `"${LONGEST_NAME_PREFIX}${suffix}" within the ${LAMBDA_FUNCTION_NAME_LIMIT}-character Lambda function name limit.`,
    );
  }
}

/** `compliance-{purpose}-{suffix}`, the name of every named resource (DESIGN.md, naming). */
export function resourceName(purpose: string, environmentSuffix: string): string {
  return `compliance-${purpose}-${environmentSuffix}`;
}
