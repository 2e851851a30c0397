import { AWS_MANAGED_RULE_IDENTIFIERS } from './managed-rule-identifiers-list';

const KNOWN: ReadonlySet<string> = new Set(AWS_MANAGED_RULE_IDENTIFIERS);

/** Whether AWS Config has a managed rule of this identifier (as of the list's date). */
export function isManagedRuleIdentifier(identifier: string): boolean {
  return KNOWN.has(identifier);
}

/**
 * Levenshtein distance, two rows at a time. Written here rather than taken from a package: jsii
 * libraries must bundle their dependencies, which is not worth a dozen lines.
 */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known identifier nearest to a mistyped one, by edit distance (the first in order on a tie). */
export function closestManagedRuleIdentifier(identifier: string): string {
  let closest = AWS_MANAGED_RULE_IDENTIFIERS[0];
  let closestDistance = Infinity;
  for (const known of AWS_MANAGED_RULE_IDENTIFIERS) {
    const distance = editDistance(identifier, known);
    if (distance < closestDistance) {
      closest = known;
      closestDistance = distance;
    }
  }
  return closest;
}
