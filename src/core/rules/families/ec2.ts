import type { RuleDefinition } from '../catalog';

/** Built-in rules of EC2 instances, volumes, subnets and the default security group: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const EC2_DEFINITIONS = {
  'ec2-instance-no-public-ip': {
    identifier: 'EC2_INSTANCE_NO_PUBLIC_IP',
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    // Security Hub EC2.9, High.
    defaultSeverity: 'HIGH',
    parameters: {},
  },
  'ec2-instance-profile-attached': {
    identifier: 'EC2_INSTANCE_PROFILE_ATTACHED',
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    // No Security Hub control names this rule, so no severity is borrowed: LOW.
    defaultSeverity: 'LOW',
    parameters: { IamInstanceProfileArnList: { type: 'csv' } },
  },
  'vpc-default-security-group-closed': {
    identifier: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED',
    resourceTypes: ['AWS::EC2::SecurityGroup'],
    periodic: false,
    // Security Hub EC2.2, High.
    defaultSeverity: 'HIGH',
    fix: 'CLOSE_DEFAULT_SECURITY_GROUP',
    parameters: {},
  },
  'ec2-volume-inuse-check': {
    identifier: 'EC2_VOLUME_INUSE_CHECK',
    resourceTypes: ['AWS::EC2::Volume'],
    periodic: false,
    // No Security Hub control names this rule, so no severity is borrowed: LOW.
    defaultSeverity: 'LOW',
    // The page gives no default: without it, attachment alone is checked.
    parameters: { deleteOnTermination: { type: 'boolean' } },
  },
  'subnet-auto-assign-public-ip-disabled': {
    identifier: 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
    resourceTypes: ['AWS::EC2::Subnet'],
    periodic: false,
    // Security Hub EC2.15, Medium.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
