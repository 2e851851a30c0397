/** The frameworks whose controls the built-in rules are mapped to, by id. */
export const BUILT_IN_FRAMEWORK_IDS = ['SOC2', 'PCI_DSS_4', 'NIST_800_53_R5', 'CIS_AWS', 'AWS_FSBP'] as const;
export type BuiltInFrameworkId = (typeof BUILT_IN_FRAMEWORK_IDS)[number];

/** A framework as reports name it. */
export interface FrameworkDefinition {
  readonly id: string;
  readonly name: string;
  /** The version the mappings are for. */
  readonly version: string;
  /** What a control id of the framework looks like: the mappings are checked against it. */
  readonly controlPattern: RegExp;
}

/**
 * The built-in frameworks. CIS is the newest version that the sources map (Security Hub's CIS
 * standard); AWS_FSBP's controls are Security Hub's control ids, which name the Config rule behind each.
 */
export const BUILT_IN_FRAMEWORKS: ReadonlyMap<BuiltInFrameworkId, FrameworkDefinition> = new Map<BuiltInFrameworkId, FrameworkDefinition>([
  ['SOC2', {
    id: 'SOC2',
    name: 'SOC 2',
    version: 'Trust Services Criteria 2017 (revised points of focus, 2022)',
    controlPattern: /^(CC[1-9]\.[1-9]|A1\.[1-3]|C1\.[1-2]|PI1\.[1-5]|P[1-8]\.[1-6])$/,
  }],
  ['PCI_DSS_4', { id: 'PCI_DSS_4', name: 'PCI DSS', version: '4.0.1', controlPattern: /^(1[0-2]|[1-9]|A[1-3])(\.[0-9]+){1,3}$/ }],
  ['NIST_800_53_R5', { id: 'NIST_800_53_R5', name: 'NIST SP 800-53', version: 'Revision 5', controlPattern: /^[A-Z]{2}-[0-9]+(\([0-9]+\))*$/ }],
  ['CIS_AWS', { id: 'CIS_AWS', name: 'CIS AWS Foundations Benchmark', version: '5.0.0', controlPattern: /^[0-9]+(\.[0-9]+){1,2}$/ }],
  ['AWS_FSBP', {
    id: 'AWS_FSBP',
    name: 'AWS Foundational Security Best Practices (Security Hub)',
    version: 'Security Hub control ids',
    controlPattern: /^[A-Za-z0-9]+\.[0-9]+$/,
  }],
]);

export function isBuiltInFrameworkId(id: string): id is BuiltInFrameworkId {
  return (BUILT_IN_FRAMEWORK_IDS as readonly string[]).includes(id);
}
