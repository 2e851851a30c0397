/**
 * The built-in rules as plain data: names, identifiers, scopes and parameters as AWS documents them.
 *
 * The construct, the Lambda rule engine and the CLI all read this one catalog (src/core: no CDK).
 */

import { EC2_DEFINITIONS } from './families/ec2';
import { IAM_DEFINITIONS } from './families/iam';
import { RDS_DEFINITIONS } from './families/rds';
import { S3_DEFINITIONS } from './families/s3';
import { SERVICES_DEFINITIONS } from './families/services';
import type { RemediationFix } from './remediation-catalog';

/** How a parameter value is written, as a string, in a Config rule's input parameters. */
export type ParameterType = 'int' | 'port' | 'boolean' | 'string' | 'csv' | 'portList' | 'portRanges';

/** One input parameter of a managed rule. */
export interface ParameterDefinition {
  readonly type: ParameterType;
  readonly required?: boolean;
  /** The value the managed rule takes when the parameter is not given, as AWS documents it. */
  readonly default?: string;
}

/** Severity names, most severe first. */
export const SEVERITY_NAMES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** A severity's place in SEVERITY_NAMES: 0 for the most severe; an unknown one comes after LOW. */
export function severityRank(severity: string | undefined): number {
  const rank = (SEVERITY_NAMES as readonly string[]).indexOf(severity ?? '');
  return rank < 0 ? SEVERITY_NAMES.length : rank;
}

/** A built-in rule: an AWS managed rule that this project's engine also evaluates. */
export interface RuleDefinition {
  /** The rule's name, e.g. `required-tags`; deployed as `{name}-{environmentSuffix}`. */
  readonly ruleName: BuiltInRuleName;
  /** The managed rule identifier, e.g. `REQUIRED_TAGS`. */
  readonly identifier: string;
  /**
   * What the rule checks, in one line an auditor reads (a sentence ending with a period, at most
   * 140 characters), as the engine's file for the rule states it.
   */
  readonly description: string;
  /**
   * What to change to comply, in one or two sentences naming the console or API settings; for a rule
   * with a `fix`, followed by "The monitor's remediator can do this (autoRemediate)."
   */
  readonly remediation: string;
  /** Resource types in the rule's scope. */
  readonly resourceTypes: readonly string[];
  /** Whether AWS also runs the rule periodically (besides on configuration changes). */
  readonly periodic: boolean;
  readonly defaultSeverity: SeverityName;
  /** Parameters under AWS's names. */
  readonly parameters: Readonly<Record<string, ParameterDefinition>>;
  /** Numbered parameters whose count the managed rule limits and the engine does not. */
  readonly numberedParameters?: NumberedParameters;
  /** What the remediator does to a violation, for the rules it can fix. */
  readonly fix?: RemediationFix;
}

/**
 * A family of numbered parameters (`tag1Key`, `tag2Key`...): the managed rule takes the first few,
 * listed in `parameters`; the engine takes any number.
 */
export interface NumberedParameters {
  /** Matches a member of the family; the first group is the number. */
  readonly pattern: RegExp;
  /** The type of a member, from its name. */
  readonly typeOf: (name: string) => ParameterType;
  /** How many the managed rule takes. */
  readonly managedLimit: number;
  /** What the members count, for the error message: "tags", "blocked ports". */
  readonly counted: string;
}

/** The managed REQUIRED_TAGS rule takes tag1Key..tag6Key; the engine takes any number. */
export const MANAGED_REQUIRED_TAGS_LIMIT = 6;
/** The managed RESTRICTED_INCOMING_TRAFFIC rule takes blockedPort1..blockedPort5. */
export const MANAGED_BLOCKED_PORTS_LIMIT = 5;
/** AWS Config's limit on a rule's InputParameters JSON. */
export const INPUT_PARAMETERS_MAX_LENGTH = 1024;


function numbered(prefix: string, suffix: string, count: number, definition: ParameterDefinition): Record<string, ParameterDefinition> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i + 1}${suffix}`, definition]));
}

/** Resource types of REQUIRED_TAGS, as AWS lists them. */
const REQUIRED_TAGS_RESOURCE_TYPES = [
  'AWS::ACM::Certificate', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::CloudFormation::Stack', 'AWS::CodeBuild::Project',
  'AWS::DynamoDB::Table', 'AWS::EC2::CustomerGateway', 'AWS::EC2::Instance', 'AWS::EC2::InternetGateway',
  'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkInterface', 'AWS::EC2::RouteTable', 'AWS::EC2::SecurityGroup',
  'AWS::EC2::Subnet', 'AWS::EC2::Volume', 'AWS::EC2::VPC', 'AWS::EC2::VPNConnection', 'AWS::EC2::VPNGateway',
  'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::RDS::DBInstance',
  'AWS::RDS::DBSecurityGroup', 'AWS::RDS::DBSnapshot', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::EventSubscription',
  'AWS::Redshift::Cluster', 'AWS::Redshift::ClusterParameterGroup', 'AWS::Redshift::ClusterSecurityGroup',
  'AWS::Redshift::ClusterSnapshot', 'AWS::Redshift::ClusterSubnetGroup', 'AWS::S3::Bucket',
];

/**
 * Every built-in rule, by its name: the one place a rule's name, identifier, scope,
 * parameters and fix are written. `BuiltInRuleName` is derived from it, so a registry over rule
 * names (the engine's implementations) that misses a rule fails to compile.
 */
/** The first rules; the families' files hold the others. */
const FIRST_DEFINITIONS = {
  's3-bucket-server-side-encryption-enabled': {
    identifier: 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED',
    description: 'S3 buckets have default encryption, or a bucket policy that denies PutObject requests without server-side encryption.',
    remediation: "Turn on default encryption for the bucket (PutBucketEncryption) with SSE-S3 (AES256) or SSE-KMS. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'HIGH',
    fix: 'S3_ENCRYPTION_AES256',
    parameters: {},
  },
  's3-default-encryption-kms': {
    identifier: 'S3_DEFAULT_ENCRYPTION_KMS',
    description: 'S3 buckets use AWS KMS default encryption (SSE-KMS or DSSE-KMS), with a key from kmsKeyArns when that list is given.',
    remediation: "Set the bucket's default encryption to SSE-KMS (PutBucketEncryption, SSEAlgorithm aws:kms), with a key from kmsKeyArns if the rule lists keys. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'HIGH',
    fix: 'S3_ENCRYPTION_KMS',
    parameters: { kmsKeyArns: { type: 'csv' } },
  },
  's3-bucket-versioning-enabled': {
    identifier: 'S3_BUCKET_VERSIONING_ENABLED',
    description: 'S3 buckets have versioning Enabled (not Suspended or never enabled), and MFA delete too when isMfaDeleteEnabled is true.',
    remediation: "Set the bucket's versioning to Enabled (PutBucketVersioning); MFA delete, when isMfaDeleteEnabled is true, is for the root user to turn on with its MFA device. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::S3::Bucket'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    fix: 'ENABLE_S3_VERSIONING',
    parameters: { isMfaDeleteEnabled: { type: 'boolean' } },
  },
  'rds-storage-encrypted': {
    identifier: 'RDS_STORAGE_ENCRYPTED',
    description: 'RDS DB instances have storage encryption on, with the kmsKeyId key when one is given.',
    remediation: 'An existing instance cannot be encrypted in place: copy a snapshot with a KMS key (CopyDBSnapshot with KmsKeyId), restore it to a new instance and move to that one.',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    defaultSeverity: 'HIGH',
    parameters: { kmsKeyId: { type: 'string' } },
  },
  'db-instance-backup-enabled': {
    identifier: 'DB_INSTANCE_BACKUP_ENABLED',
    description: 'RDS DB instances have automated backups on, with the retention and backup window the rule sets; read replicas only with checkReadReplicas.',
    remediation: "Raise the instance's backup retention (ModifyDBInstance BackupRetentionPeriod) to the rule's period or minimum, at least 1 day; a required PreferredBackupWindow is set by hand. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    fix: 'RAISE_BACKUP_RETENTION',
    parameters: {
      backupRetentionPeriod: { type: 'int' },
      backupRetentionMinimum: { type: 'int' },
      preferredBackupWindow: { type: 'string' },
      checkReadReplicas: { type: 'boolean' },
    },
  },
  'ec2-imdsv2-check': {
    identifier: 'EC2_IMDSV2_CHECK',
    description: 'EC2 instances require IMDSv2 session tokens for instance metadata (HttpTokens required, not optional).',
    remediation: "Set the instance's metadata option HttpTokens to required (ModifyInstanceMetadataOptions) once its software uses IMDSv2. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    defaultSeverity: 'HIGH',
    fix: 'REQUIRE_IMDSV2',
    parameters: {},
  },
  'required-tags': {
    identifier: 'REQUIRED_TAGS',
    description: 'Resources carry every required tag key (tag1Key, tag2Key...), matched case-sensitively, with an allowed value where values are listed.',
    remediation: "Add the missing tags or correct their values on the resource (console Tags tab, or the service's tagging API such as TagResource or CreateTags).",
    resourceTypes: REQUIRED_TAGS_RESOURCE_TYPES,
    periodic: false,
    defaultSeverity: 'LOW',
    numberedParameters: {
      pattern: /^tag([1-9][0-9]*)(?:Key|Value)$/,
      typeOf: (name) => (name.endsWith('Key') ? 'string' : 'csv'),
      managedLimit: MANAGED_REQUIRED_TAGS_LIMIT,
      counted: 'tags',
    },
    parameters: {
      ...numbered('tag', 'Key', MANAGED_REQUIRED_TAGS_LIMIT, { type: 'string' }),
      ...numbered('tag', 'Value', MANAGED_REQUIRED_TAGS_LIMIT, { type: 'csv' }),
      // After the numbered keys, which would otherwise replace it with an optional one. AWS marks
      // tag2Key to tag6Key "(Optional)", tag1Key not: without it the rule is refused, naming the
      // parameter, rather than run with no required tag (an older page gave it a default, CostCenter,
      // which the engine does not assume).
      tag1Key: { type: 'string', required: true },
    },
  },
  'desired-instance-type': {
    identifier: 'DESIRED_INSTANCE_TYPE',
    description: 'EC2 instances are of one of the instance types listed in instanceType.',
    remediation: 'Stop the instance, change its instance type to one listed in instanceType (ModifyInstanceAttribute) and start it, or add its type to the list.',
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    defaultSeverity: 'LOW',
    parameters: { instanceType: { type: 'csv', required: true } },
  },
  'restricted-ssh': {
    identifier: 'INCOMING_SSH_DISABLED',
    description: 'Security groups allow no inbound SSH (TCP 22) from 0.0.0.0/0 or ::/0.',
    remediation: "Remove the inbound rules that open TCP port 22 to 0.0.0.0/0 or ::/0 (RevokeSecurityGroupIngress), or narrow their source to known CIDRs. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::EC2::SecurityGroup'],
    periodic: true,
    defaultSeverity: 'CRITICAL',
    fix: 'CLOSE_WORLD_INGRESS',
    parameters: {},
  },
  'restricted-common-ports': {
    identifier: 'RESTRICTED_INCOMING_TRAFFIC',
    description: 'Security groups allow no inbound TCP to the blocked ports (by default 20, 21, 3389, 3306, 4333) from 0.0.0.0/0 or ::/0.',
    remediation: "Remove the inbound rules that open a blocked TCP port to 0.0.0.0/0 or ::/0 (RevokeSecurityGroupIngress), or narrow their source to known CIDRs or security groups. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::EC2::SecurityGroup'],
    periodic: true,
    defaultSeverity: 'CRITICAL',
    fix: 'CLOSE_WORLD_INGRESS',
    numberedParameters: {
      pattern: /^blockedPort([1-9][0-9]*)$/,
      typeOf: () => 'port',
      managedLimit: MANAGED_BLOCKED_PORTS_LIMIT,
      counted: 'blocked ports',
    },
    // Each blockedPortN has a default of its own, so setting one keeps the others'. `blockedPorts` is
    // on the current page only (not on the older one), with no default, and replaces none of them.
    parameters: {
      blockedPort1: { type: 'port', default: '20' }, // FTP data transfer
      blockedPort2: { type: 'port', default: '21' }, // FTP command control
      blockedPort3: { type: 'port', default: '3389' }, // RDP
      blockedPort4: { type: 'port', default: '3306' }, // MySQL
      blockedPort5: { type: 'port', default: '4333' },
      blockedPorts: { type: 'portList' },
    },
  },
  'vpc-sg-open-only-to-authorized-ports': {
    identifier: 'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS',
    description: 'Security groups open TCP or UDP ports to 0.0.0.0/0 or ::/0 only within authorizedTcpPorts and authorizedUdpPorts.',
    remediation: "Remove or narrow the inbound rules open to 0.0.0.0/0 or ::/0 on ports outside the authorized lists (RevokeSecurityGroupIngress), or authorize a port that must be public. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::EC2::SecurityGroup'],
    periodic: true,
    defaultSeverity: 'CRITICAL',
    fix: 'CLOSE_WORLD_INGRESS',
    parameters: { authorizedTcpPorts: { type: 'portRanges' }, authorizedUdpPorts: { type: 'portRanges' } },
  },
  'encrypted-volumes': {
    identifier: 'ENCRYPTED_VOLUMES',
    description: 'EBS volumes attached to instances are encrypted, with the kmsId key when one is given; unattached volumes are not judged.',
    remediation: 'Copy a snapshot of the volume with encryption on (CopySnapshot with Encrypted and KmsKeyId), create a volume from it and swap it in; turn on EBS encryption by default for new volumes.',
    resourceTypes: ['AWS::EC2::Volume'],
    periodic: false,
    defaultSeverity: 'HIGH',
    parameters: { kmsId: { type: 'string' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;

const DEFINITIONS = {
  ...FIRST_DEFINITIONS,
  ...S3_DEFINITIONS,
  ...RDS_DEFINITIONS,
  ...EC2_DEFINITIONS,
  ...IAM_DEFINITIONS,
  ...SERVICES_DEFINITIONS,
};

/** The name of a built-in rule, e.g. `required-tags`. */
export type BuiltInRuleName = keyof typeof DEFINITIONS;

/** Whether the name is a built-in rule's. */
export function isBuiltInRuleName(name: string): name is BuiltInRuleName {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, name);
}

/** The built-in rules by rule name. */
export const RULE_CATALOG: ReadonlyMap<string, RuleDefinition> = new Map(Object.entries(DEFINITIONS).map(
  ([ruleName, definition]): [string, RuleDefinition] => [ruleName, { ruleName: ruleName as BuiltInRuleName, ...definition }]));

/** Where the AWS Config Developer Guide keeps the managed rules' pages. */
const MANAGED_RULE_PAGES = 'https://docs.aws.amazon.com/config/latest/developerguide/';

/**
 * AWS's page of a built-in rule in the AWS Config Developer Guide: named as the rule, as every
 * built-in rule's page is (restricted-ssh.html, not the identifier's incoming-ssh-disabled.html).
 *
 * @throws for a name that is not a built-in rule's, rather than give an address AWS may not have
 */
export function managedRulePageUrl(ruleName: string): string {
  if (!isBuiltInRuleName(ruleName)) {
    throw new Error(`rule "${ruleName}" is not a built-in rule, so it has no managed rule page`);
  }
  return `${MANAGED_RULE_PAGES}${ruleName}.html`;
}

/** A built-in rule with parameters under AWS's names: what the CLI's `--rules` file lists. */
export interface RuleParameters {
  readonly ruleName: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * The recommended rule set (`RuleSet.recommended()`, and the CLI's default): the rules every seed
 * system asks for that need no user input.
 */
export const RECOMMENDED_RULES: readonly RuleParameters[] = [
  { ruleName: 's3-bucket-server-side-encryption-enabled', parameters: {} },
  { ruleName: 'rds-storage-encrypted', parameters: {} },
  { ruleName: 'db-instance-backup-enabled', parameters: {} },
  { ruleName: 'ec2-imdsv2-check', parameters: {} },
  { ruleName: 'required-tags', parameters: { tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'CostCenter' } },
  { ruleName: 'restricted-ssh', parameters: {} },
  { ruleName: 'restricted-common-ports', parameters: {} },
  { ruleName: 'encrypted-volumes', parameters: {} },
];

/**
 * The foundational rule set (`RuleSet.foundational()`): every built-in rule that needs no parameter,
 * in catalog order, each with AWS's defaults.
 */
export const FOUNDATIONAL_RULE_NAMES: readonly string[] = [...RULE_CATALOG.values()]
  .filter((rule) => !Object.values(rule.parameters).some((parameter) => parameter.required))
  .map((rule) => rule.ruleName);

/** A set member of a numbered parameter family. */
export interface NumberedParameter {
  readonly number: number;
  readonly name: string;
  readonly value: string;
}

/** The members of a rule's numbered parameter family (tag1Key, blockedPort2...) that are set, by number. */
export function numberedParameterValues(ruleName: string, parameters: Readonly<Record<string, string>>): NumberedParameter[] {
  const family = RULE_CATALOG.get(ruleName)?.numberedParameters;
  if (!family) {
    return [];
  }
  return Object.entries(parameters)
    .map(([name, value]) => ({ match: family.pattern.exec(name), name, value }))
    .filter((entry) => entry.match !== null)
    .map(({ match, name, value }) => ({ number: Number(match![1]), name, value }))
    .sort((a, b) => a.number - b.number);
}

/** A built-in rule's parameters with the managed rule's default in place of each parameter not given. */
export function withDefaults(ruleName: string, parameters: Readonly<Record<string, string>>): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, definition] of Object.entries(RULE_CATALOG.get(ruleName)?.parameters ?? {})) {
    if (definition.default !== undefined) {
      defaults[name] = definition.default;
    }
  }
  return { ...defaults, ...parameters };
}

const INTEGER = /^[0-9]+$/;

function isPort(text: string): boolean {
  return INTEGER.test(text) && Number(text) <= 65535;
}

function isPortRange(text: string): boolean {
  const [from, to, ...rest] = text.split('-').map((part) => part.trim());
  if (rest.length > 0 || !isPort(from)) {
    return false;
  }
  return to === undefined || (isPort(to) && Number(from) <= Number(to));
}

function csvItems(value: string): string[] {
  return value.split(',').map((item) => item.trim());
}

/** Why a value does not fit its type, or undefined when it does. */
function valueProblem(type: ParameterType, value: string): string | undefined {
  switch (type) {
    case 'int':
      return INTEGER.test(value) ? undefined : 'must be a whole number';
    case 'port':
      return isPort(value) ? undefined : 'must be a port number from 0 to 65535';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be "true" or "false"';
    case 'csv':
      return csvItems(value).every((item) => item.length > 0) ? undefined : 'must be a comma-separated list without empty items';
    case 'portList':
      return csvItems(value).every(isPort) ? undefined : 'must be comma-separated port numbers from 0 to 65535';
    case 'portRanges':
      return csvItems(value).every(isPortRange) ? undefined : 'must be comma-separated ports or ranges such as "443,1020-1025" within 0-65535';
    case 'string':
      return value.length > 0 ? undefined : 'must not be empty';
  }
}

/** The definition a parameter name has in a rule; in the engine, any member of a numbered family. */
function parameterDefinition(rule: RuleDefinition, name: string, engine: boolean): ParameterDefinition | undefined {
  const known = rule.parameters[name];
  if (known || !engine || !rule.numberedParameters?.pattern.test(name)) {
    return known;
  }
  return { type: rule.numberedParameters.typeOf(name) };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Why a parameter is not accepted, with the fix. */
function notAcceptedReason(rule: RuleDefinition, name: string): string {
  const family = rule.numberedParameters;
  if (family?.pattern.test(name)) {
    return `the managed rule ${rule.identifier} takes at most ${family.managedLimit} ${family.counted}: ` +
      `use ENGINE mode or at most ${NUMBER_WORDS[family.managedLimit] ?? family.managedLimit}`;
  }
  const known = Object.keys(rule.parameters);
  return known.length ? `use one of ${known.join(', ')}` : 'the rule takes no parameters';
}

/**
 * Every problem with a built-in rule's parameters, each naming the rule, the parameter and the fix.
 *
 * @param engine whether this project's engine evaluates the rule (ENGINE mode, the CLI), which
 *               lifts the managed rules' limits on numbered parameters
 */
export function parameterProblems(ruleName: string, parameters: Readonly<Record<string, string>>, engine: boolean): string[] {
  const rule = RULE_CATALOG.get(ruleName);
  if (!rule) {
    return [`rule "${ruleName}" is not a built-in rule; built-in rules: ${[...RULE_CATALOG.keys()].join(', ')}`];
  }
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    const definition = parameterDefinition(rule, name, engine);
    if (!definition) {
      problems.push(`rule "${ruleName}": parameter "${name}" is not accepted: ${notAcceptedReason(rule, name)}`);
      continue;
    }
    const problem = typeof value === 'string' ? valueProblem(definition.type, value) : 'must be a string';
    if (problem) {
      problems.push(`rule "${ruleName}": parameter "${name}" ${problem} (got ${JSON.stringify(value)})`);
    }
  }
  for (const [name, definition] of Object.entries(rule.parameters)) {
    if (definition.required && parameters[name] === undefined) {
      problems.push(`rule "${ruleName}": parameter "${name}" is required`);
    }
  }
  const length = JSON.stringify(parameters).length;
  if (length > INPUT_PARAMETERS_MAX_LENGTH) {
    problems.push(`rule "${ruleName}": parameters are ${length} characters of JSON, over AWS Config's limit of ${INPUT_PARAMETERS_MAX_LENGTH}`);
  }
  return problems;
}
