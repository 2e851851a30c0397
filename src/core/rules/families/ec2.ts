import type { RuleDefinition } from '../catalog';

/** Built-in rules of EC2 instances, volumes, subnets and the default security group: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const EC2_DEFINITIONS = {
  'ec2-instance-no-public-ip': {
    identifier: 'EC2_INSTANCE_NO_PUBLIC_IP',
    description: 'EC2 instances have no public IPv4 address associated (IPv6 addresses are not checked).',
    remediation: 'Remove the public IPv4 address (DisassociateAddress for an Elastic IP, or relaunch in a subnet that assigns none) and reach the instance through a load balancer, NAT or Session Manager.',
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    // Security Hub EC2.9, High.
    defaultSeverity: 'HIGH',
    parameters: {},
  },
  'ec2-instance-profile-attached': {
    identifier: 'EC2_INSTANCE_PROFILE_ATTACHED',
    description: 'EC2 instances have an IAM instance profile attached, one of IamInstanceProfileArnList when that list is given.',
    remediation: 'Attach an IAM instance profile to the instance (AssociateIamInstanceProfile, console Modify IAM role), one listed in IamInstanceProfileArnList if given.',
    resourceTypes: ['AWS::EC2::Instance'],
    periodic: false,
    // No Security Hub control names this rule, so no severity is borrowed: LOW.
    defaultSeverity: 'LOW',
    parameters: { IamInstanceProfileArnList: { type: 'csv' } },
  },
  'vpc-default-security-group-closed': {
    identifier: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED',
    description: "Each VPC's default security group has no inbound and no outbound rules.",
    remediation: "Revoke every inbound and outbound rule of the VPC's default security group (RevokeSecurityGroupIngress and RevokeSecurityGroupEgress); resources that need traffic belong in groups of their own. The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::EC2::SecurityGroup'],
    periodic: false,
    // Security Hub EC2.2, High.
    defaultSeverity: 'HIGH',
    fix: 'CLOSE_DEFAULT_SECURITY_GROUP',
    parameters: {},
  },
  'ec2-volume-inuse-check': {
    identifier: 'EC2_VOLUME_INUSE_CHECK',
    description: 'EBS volumes are attached to an instance and, with deleteOnTermination true, set to be deleted when that instance terminates.',
    remediation: 'Attach the volume to an instance, or snapshot and delete it (DeleteVolume); with deleteOnTermination true, set DeleteOnTermination on its attachment (ModifyInstanceAttribute).',
    resourceTypes: ['AWS::EC2::Volume'],
    periodic: false,
    // No Security Hub control names this rule, so no severity is borrowed: LOW.
    defaultSeverity: 'LOW',
    // The page gives no default: without it, attachment alone is checked.
    parameters: { deleteOnTermination: { type: 'boolean' } },
  },
  'subnet-auto-assign-public-ip-disabled': {
    identifier: 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
    description: 'VPC subnets auto-assign neither public IPv4 addresses nor IPv6 addresses to the instances launched in them.',
    remediation: 'Turn off MapPublicIpOnLaunch and AssignIpv6AddressOnCreation on the subnet (ModifySubnetAttribute, console Edit subnet settings).',
    resourceTypes: ['AWS::EC2::Subnet'],
    periodic: false,
    // Security Hub EC2.15, Medium.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
