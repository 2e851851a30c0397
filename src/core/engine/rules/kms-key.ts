/**
 * Whether a resource's KMS key is the required one, given as a key id or an ARN: a key ARN ends
 * with `key/{id}`, so either form of one key matches the other.
 */
export function sameKmsKey(actual: string | undefined, required: string): boolean {
  if (actual === undefined) {
    return false;
  }
  return actual === required || actual.endsWith(`/${required}`) || required.endsWith(`/${actual}`);
}
