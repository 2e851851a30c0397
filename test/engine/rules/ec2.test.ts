import * as fs from 'fs';
import { EXIT_NON_COMPLIANT } from '../../../cli/main';
import { evaluate } from '../../../src/core/engine';
import { runCli, scratchDirectory } from '../../support/cli';
import { configurationItem, fixture, fixturePath, invokingEventItem } from '../../support/fixtures';

/**
 * The EC2 family against the current AWS Config Developer Guide pages, on the real items of
 * test/fixtures, changed only where a case needs it.
 */

/** get-resource-config-history shape (1.2): accountId, arn, networkInterfaces with a publicIp, no instance profile. */
const RDK_EC2 = fixture('configuration-items/rdk-example-AWS_EC2_Instance.json');
/** The 1.3 item of a rule invocation: stopped, with an Elastic IP and an instance profile. */
const POWERTOOLS_EC2 = invokingEventItem('rule-invocation-events/powertools-awsConfigRuleConfigurationChanged.json');
/** The instance of an SNS change notification: iamInstanceProfile null. */
const SNS_EC2 = fixture('sns-notifications/awsdocs-ci-change-ec2-instance-sg-replaced.sns.json').Message.configurationItem;
/** AWS's documented invocation event, whose configuration is a stub: {"foo":"bar"}. */
const STUB_EC2 = invokingEventItem('rule-invocation-events/awsdocs-change-triggered-event.json');
const SNAPSHOT = fixture('snapshot/awsdocs-config-snapshot-example.json').configurationItems;
/** The 2014 snapshot's shape (1.0): a volume attached with deleteOnTermination false, an instance with a public IP. */
const SNAPSHOT_VOLUME = SNAPSHOT[0];
const SNAPSHOT_EC2 = SNAPSHOT[1];
/** 1.2, ipRanges as plain strings: TCP 22 in, all traffic out; named launch-wizard-7. */
const RDK_SG = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
/** The security group of an SNS change notification (1.3 field names): no ingress, all traffic out. */
const SNS_SG = fixture('sns-notifications/awsdocs-ci-change-security-group-created.sns.json').Message.configurationItem;
/** 1.2: attached to i-29e75b19, state in-use, deleteOnTermination true. */
const RDK_VOLUME = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
/** The JSON text of a real subnet's configuration (a default subnet: mapPublicIpOnLaunch true, assignIpv6AddressOnCreation false). */
const SUBNET_JSON = fs.readFileSync(fixturePath('configuration-items/AWS-EC2-Subnet.configuration.json'), 'utf8');
const SUBNET_CONFIGURATION = JSON.parse(SUBNET_JSON);
/** In a 1.3 item, as a snapshot or an invocation holds it. */
const SUBNET = configurationItem('AWS::EC2::Subnet', SUBNET_CONFIGURATION, { resourceId: 'subnet-ea59c9b0' });
/** In the API shape (get-resource-config-history): `configuration` is that JSON text. */
const SUBNET_HISTORY = {
  version: '1.2',
  accountId: '123456789012',
  configurationItemStatus: 'OK',
  resourceType: 'AWS::EC2::Subnet',
  resourceId: 'subnet-ea59c9b0',
  arn: 'arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-ea59c9b0',
  configuration: SUBNET_JSON,
  supplementaryConfiguration: {},
  tags: {},
};

const withConfiguration = (item: any, changes: Record<string, unknown>) => ({ ...item, configuration: { ...item.configuration, ...changes } });
const verdict = (complianceType: string, annotation: string) => ({ complianceType, annotation });

describe('ec2-instance-no-public-ip', () => {
  const rule = { ruleName: 'ec2-instance-no-public-ip' };
  /** The powertools instance with its Elastic IP released: no association anywhere, no instance-level address. */
  const { publicIpAddress: _address, ...withoutInstanceAddress } = POWERTOOLS_EC2.configuration;
  const privateOnly = {
    ...POWERTOOLS_EC2,
    configuration: {
      ...withoutInstanceAddress,
      networkInterfaces: withoutInstanceAddress.networkInterfaces.map((networkInterface: any) => ({
        ...networkInterface,
        association: null,
        privateIpAddresses: networkInterface.privateIpAddresses.map((address: any) => ({ ...address, association: null })),
      })),
    },
  };

  test.each([
    ['1.2 history item, publicIp on its interface', RDK_EC2, verdict('NON_COMPLIANT', 'Instance has public IPv4 address 34.205.29.138')],
    ['1.3 invocation item, a stopped instance keeping its Elastic IP', POWERTOOLS_EC2, verdict('NON_COMPLIANT', 'Instance has public IPv4 address 3.232.229.57')],
    ['SNS notification item', SNS_EC2, verdict('NON_COMPLIANT', 'Instance has public IPv4 address 54.175.43.43')],
    ['2014 snapshot item', SNAPSHOT_EC2, verdict('NON_COMPLIANT', 'Instance has public IPv4 address 54.218.4.189')],
    ['no association and no instance-level address', privateOnly, verdict('COMPLIANT', 'Instance has no public IPv4 address')],
    ['an Elastic IP on a secondary private address only', {
      ...privateOnly,
      configuration: {
        ...privateOnly.configuration,
        networkInterfaces: [privateOnly.configuration.networkInterfaces[0], {
          ...privateOnly.configuration.networkInterfaces[1],
          privateIpAddresses: [{ ...privateOnly.configuration.networkInterfaces[1].privateIpAddresses[0], association: { publicIp: '203.0.113.7' } }],
        }],
      },
    }, verdict('NON_COMPLIANT', 'Instance has public IPv4 address 203.0.113.7')],
    ['an item with the instance-level address only, as EC2-Classic had', withConfiguration(STUB_EC2, { publicIpAddress: '54.218.4.189' }),
      verdict('NON_COMPLIANT', 'Instance has public IPv4 address 54.218.4.189')],
    ['an item that records no network interfaces (AWS documented stub)', STUB_EC2, verdict('NOT_APPLICABLE', 'Network interfaces not recorded')],
  ])('%s', (_, item, expected) => {
    expect(evaluate(item, rule)).toEqual(expected);
  });
});

describe('ec2-instance-profile-attached', () => {
  const PROFILE = 'arn:aws:iam::0123456789012:instance-profile/AmazonSSMRoleForInstancesQuickSetup';
  const OTHER = 'arn:aws:iam::0123456789012:instance-profile/web';
  const idOnly = withConfiguration(POWERTOOLS_EC2, { iamInstanceProfile: { id: 'AIPAS5S4WFUBL72S3QXW5' } });

  test.each([
    ['1.2 history item without iamInstanceProfile', RDK_EC2, {}, verdict('NON_COMPLIANT', 'No IAM instance profile is attached')],
    ['SNS item with iamInstanceProfile null', SNS_EC2, {}, verdict('NON_COMPLIANT', 'No IAM instance profile is attached')],
    ['1.3 invocation item with a profile', POWERTOOLS_EC2, {}, verdict('COMPLIANT', `IAM instance profile ${PROFILE} is attached`)],
    ['a profile in IamInstanceProfileArnList', POWERTOOLS_EC2, { IamInstanceProfileArnList: `${OTHER}, ${PROFILE}` },
      verdict('COMPLIANT', `IAM instance profile ${PROFILE} is attached`)],
    ['a profile not in IamInstanceProfileArnList', POWERTOOLS_EC2, { IamInstanceProfileArnList: OTHER },
      verdict('NON_COMPLIANT', `IAM instance profile ${PROFILE} is not in IamInstanceProfileArnList`)],
    ['no profile, with IamInstanceProfileArnList', RDK_EC2, { IamInstanceProfileArnList: PROFILE }, verdict('NON_COMPLIANT', 'No IAM instance profile is attached')],
    ['a profile recorded without its ARN', idOnly, {}, verdict('COMPLIANT', 'An IAM instance profile is attached')],
    ['a profile recorded without its ARN, with IamInstanceProfileArnList', idOnly, { IamInstanceProfileArnList: PROFILE },
      verdict('NOT_APPLICABLE', 'Instance profile ARN not recorded, so IamInstanceProfileArnList cannot be checked')],
  ])('%s', (_, item, parameters, expected) => {
    expect(evaluate(item, { ruleName: 'ec2-instance-profile-attached', parameters })).toEqual(expected);
  });
});

describe('vpc-default-security-group-closed', () => {
  const rule = { ruleName: 'vpc-default-security-group-closed' };
  const asDefault = (item: any, changes: Record<string, unknown> = {}) => withConfiguration(item, { groupName: 'default', ...changes });
  const { ipPermissions: _in, ipPermissionsEgress: _out, ...noRules } = RDK_SG.configuration;
  const { groupName: _name, ...noName } = RDK_SG.configuration;

  test.each([
    ['a group that is not the default one (1.2 history item)', RDK_SG, verdict('NOT_APPLICABLE', 'Not a default security group (its name is not "default")')],
    ['a group that is not the default one (SNS item)', SNS_SG, verdict('NOT_APPLICABLE', 'Not a default security group (its name is not "default")')],
    ['the default group with SSH in and all traffic out (1.2, plain-string ranges)', asDefault(RDK_SG),
      verdict('NON_COMPLIANT', 'Default security group has 1 inbound rule and 1 outbound rule')],
    ['the default group with outbound rules only (1.3 field names)', asDefault(SNS_SG),
      verdict('NON_COMPLIANT', 'Default security group has 0 inbound rules and 1 outbound rule')],
    ['the default group with inbound rules only', asDefault(RDK_SG, { ipPermissions: [...RDK_SG.configuration.ipPermissions, ...RDK_SG.configuration.ipPermissions], ipPermissionsEgress: [] }),
      verdict('NON_COMPLIANT', 'Default security group has 2 inbound rules and 0 outbound rules')],
    ['the default group with its rules removed', asDefault(SNS_SG, { ipPermissionsEgress: [] }),
      verdict('COMPLIANT', 'Default security group has no inbound or outbound rules')],
    ['API shape: configuration as JSON text', { ...RDK_SG, configuration: JSON.stringify({ ...RDK_SG.configuration, groupName: 'default' }) },
      verdict('NON_COMPLIANT', 'Default security group has 1 inbound rule and 1 outbound rule')],
    ['the default group without its rules recorded', { ...RDK_SG, configuration: { ...noRules, groupName: 'default' } },
      verdict('NOT_APPLICABLE', 'Security group rules not recorded')],
    ['a group without its name recorded', { ...RDK_SG, configuration: noName }, verdict('NOT_APPLICABLE', 'Security group name not recorded')],
  ])('%s', (_, item, expected) => {
    expect(evaluate(item, rule)).toEqual(expected);
  });
});

describe('ec2-volume-inuse-check', () => {
  const rule = (deleteOnTermination?: string) => ({
    ruleName: 'ec2-volume-inuse-check',
    parameters: deleteOnTermination === undefined ? {} : { deleteOnTermination } as Record<string, string>,
  });
  const { state: _state, attachments: _attachments, ...nothingRecorded } = RDK_VOLUME.configuration;
  const available = withConfiguration(RDK_VOLUME, { state: 'available', attachments: [] });
  const KEPT = verdict('NON_COMPLIANT', 'Volume is attached to i-344c463d but not deleted when it terminates (deleteOnTermination false)');

  test.each([
    ['attached (1.2 history item)', RDK_VOLUME, undefined, verdict('COMPLIANT', 'Volume is attached to an instance')],
    ['attached and deleted on termination, with deleteOnTermination true', RDK_VOLUME, 'true',
      verdict('COMPLIANT', 'Volume is attached and deleted on instance termination')],
    ['attached, kept on termination (2014 snapshot item)', SNAPSHOT_VOLUME, undefined, verdict('COMPLIANT', 'Volume is attached to an instance')],
    ['attached, kept on termination, with deleteOnTermination true', SNAPSHOT_VOLUME, 'true', KEPT],
    ['deleteOnTermination false asks for attachment alone', SNAPSHOT_VOLUME, 'false', verdict('COMPLIANT', 'Volume is attached to an instance')],
    ['API shape: configuration as JSON text', { ...SNAPSHOT_VOLUME, configuration: JSON.stringify(SNAPSHOT_VOLUME.configuration) }, 'true', KEPT],
    ['unattached, as Config records an available volume', available, undefined, verdict('NON_COMPLIANT', 'Volume is not attached to an instance (state available)')],
    ['unattached, with deleteOnTermination true', available, 'true', verdict('NON_COMPLIANT', 'Volume is not attached to an instance (state available)')],
    ['state written as {value}, as the resource schema lists it', { ...RDK_VOLUME, configuration: { ...nothingRecorded, state: { value: 'available' } } }, undefined,
      verdict('NON_COMPLIANT', 'Volume is not attached to an instance (state available)')],
    ['no attachments and no state', withConfiguration({ ...RDK_VOLUME, configuration: nothingRecorded }, { attachments: [] }), undefined,
      verdict('NON_COMPLIANT', 'Volume is not attached to an instance (state not recorded)')],
    ['neither attachments nor state recorded', { ...RDK_VOLUME, configuration: nothingRecorded }, undefined,
      verdict('NOT_APPLICABLE', 'Volume state and attachments not recorded')],
    ['in use without its attachments recorded, with deleteOnTermination true', { ...RDK_VOLUME, configuration: { ...nothingRecorded, state: 'in-use' } }, 'true',
      verdict('NOT_APPLICABLE', 'deleteOnTermination of the attachment not recorded')],
    ['an attachment without deleteOnTermination, with deleteOnTermination true',
      withConfiguration(RDK_VOLUME, { attachments: [{ instanceId: 'i-29e75b19', state: 'attached' }] }), 'true',
      verdict('NOT_APPLICABLE', 'deleteOnTermination of the attachment not recorded')],
    ['an attachment kept on termination without its instance recorded', withConfiguration(RDK_VOLUME, { attachments: [{ state: 'attached', deleteOnTermination: false }] }), 'true',
      verdict('NON_COMPLIANT', 'Volume is attached to an instance but not deleted when it terminates (deleteOnTermination false)')],
  ])('%s', (_, item, deleteOnTermination, expected) => {
    expect(evaluate(item, rule(deleteOnTermination))).toEqual(expected);
  });
});

describe('subnet-auto-assign-public-ip-disabled', () => {
  const rule = { ruleName: 'subnet-auto-assign-public-ip-disabled' };
  const { assignIpv6AddressOnCreation: _ipv6, ...ipv6NotRecorded } = SUBNET_CONFIGURATION;

  test.each([
    ['a default subnet (1.3 item)', SUBNET, verdict('NON_COMPLIANT', 'Subnet auto-assigns public IPv4 addresses (mapPublicIpOnLaunch true)')],
    ['a default subnet, API shape (configuration as JSON text)', SUBNET_HISTORY,
      verdict('NON_COMPLIANT', 'Subnet auto-assigns public IPv4 addresses (mapPublicIpOnLaunch true)')],
    ['auto-assign turned off', withConfiguration(SUBNET, { mapPublicIpOnLaunch: false }), verdict('COMPLIANT', 'Subnet does not auto-assign public IPv4 or IPv6 addresses')],
    ['IPv6 auto-assigned: a violation on the current page, not on the older one',
      withConfiguration(SUBNET, { mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: true }),
      verdict('NON_COMPLIANT', 'Subnet auto-assigns IPv6 addresses (assignIpv6AddressOnCreation true)')],
    ['both auto-assigned', withConfiguration(SUBNET, { assignIpv6AddressOnCreation: true }),
      verdict('NON_COMPLIANT', 'Subnet auto-assigns public IPv4 and IPv6 addresses (mapPublicIpOnLaunch and assignIpv6AddressOnCreation true)')],
    ['IPv4 off and the IPv6 setting not recorded', { ...SUBNET, configuration: { ...ipv6NotRecorded, mapPublicIpOnLaunch: false } },
      verdict('NOT_APPLICABLE', 'Subnet auto-assign settings not recorded (mapPublicIpOnLaunch, assignIpv6AddressOnCreation)')],
  ])('%s', (_, item, expected) => {
    expect(evaluate(item, rule)).toEqual(expected);
  });
});

describe('the CLI evaluates the EC2 family under AWS rule and parameter names', () => {
  const scratch = scratchDirectory('ec2-rules-');

  test('a snapshot of instances, security groups, volumes and a subnet', async () => {
    const rules = scratch.write('rules.json', {
      rules: [
        { name: 'ec2-instance-no-public-ip' },
        { name: 'ec2-instance-profile-attached', parameters: { IamInstanceProfileArnList: 'arn:aws:iam::0123456789012:instance-profile/AmazonSSMRoleForInstancesQuickSetup' } },
        { name: 'vpc-default-security-group-closed' },
        { name: 'ec2-volume-inuse-check', parameters: { deleteOnTermination: 'true' } },
        { name: 'subnet-auto-assign-public-ip-disabled' },
      ],
    });
    const snapshot = scratch.write('snapshot.json', {
      configurationItems: [RDK_EC2, POWERTOOLS_EC2, withConfiguration(RDK_SG, { groupName: 'default' }), SNS_SG, RDK_VOLUME, SNAPSHOT_VOLUME, SUBNET],
    });
    const { code, stderr, report } = await runCli(['evaluate', '--rules', rules, snapshot]);
    expect([code, stderr]).toEqual([EXIT_NON_COMPLIANT, '']);
    expect(report.evaluations.map((e: any) => `${e.configRuleName} ${e.resourceId} ${e.complianceType}`).sort()).toEqual([
      'ec2-instance-no-public-ip i-03402838daac1d611 NON_COMPLIANT',
      'ec2-instance-no-public-ip i-042dd005362091826 NON_COMPLIANT',
      'ec2-instance-profile-attached i-03402838daac1d611 NON_COMPLIANT',
      'ec2-instance-profile-attached i-042dd005362091826 COMPLIANT',
      'ec2-volume-inuse-check vol-a416b170 COMPLIANT',
      'ec2-volume-inuse-check vol-ce676ccc NON_COMPLIANT',
      'subnet-auto-assign-public-ip-disabled subnet-ea59c9b0 NON_COMPLIANT',
      'vpc-default-security-group-closed sg-1d56fc66 NON_COMPLIANT',
      'vpc-default-security-group-closed sg-3f1fef43 NOT_APPLICABLE',
    ]);
    expect(report.evaluations.find((e: any) => e.configRuleName === 'vpc-default-security-group-closed' && e.complianceType === 'NON_COMPLIANT'))
      .toMatchObject({ annotation: 'Default security group has 1 inbound rule and 1 outbound rule', severity: 'HIGH' });
  });
});
