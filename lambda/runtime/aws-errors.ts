/**
 * Whether an AWS SDK error is one of these codes. The SDK names its exceptions by code (`name`), and
 * some services also give `Code`; comparing names holds across SDK copies, where `instanceof` may not.
 */
export function isAwsError(error: unknown, ...names: string[]): boolean {
  const { name, Code } = (error ?? {}) as { name?: string; Code?: string };
  return names.includes(name ?? '') || names.includes(Code ?? '');
}
