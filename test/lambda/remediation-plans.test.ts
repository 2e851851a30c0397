import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeSecurityGroupsCommand, EC2Client, IpPermission } from '@aws-sdk/client-ec2';
import { requiredRetention } from '../../lambda/remediation/fixes/backup-retention';
import { securityGroupRules } from '../../lambda/remediation/fixes/default-security-group';
import { requiredEncryption } from '../../lambda/remediation/fixes/s3-encryption';
import { versioningChange } from '../../lambda/remediation/fixes/s3-versioning';
import { forbiddenIngress, planIngressFix, worldIngressFix } from '../../lambda/remediation/fixes/world-ingress';
import { subtractRanges } from '../../src/core/engine/rules/security-group';
import { Severity } from '../../src/core/rules/severity';
import { MotoServer, startMoto } from '../support/moto';

const world4 = (from: number, to: number, protocol = 'tcp', description?: string): IpPermission =>
  ({ IpProtocol: protocol, FromPort: from, ToPort: to, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: description }] });

describe('closing world ingress', () => {
  test('port ranges minus holes', () => {
    expect(subtractRanges([0, 65535], [[22, 22]])).toEqual([[0, 21], [23, 65535]]);
    expect(subtractRanges([20, 30], [[0, 25], [28, 40]])).toEqual([[26, 27]]);
    expect(subtractRanges([22, 22], [[22, 22]])).toEqual([]);
    expect(subtractRanges([80, 90], [[1, 2]])).toEqual([[80, 90]]);
  });

  test('restricted-ssh: TCP 22 revoked from the world, the other ports of the range kept open, descriptions kept', () => {
    const plan = planIngressFix([world4(0, 1024, 'tcp', 'legacy')], forbiddenIngress('restricted-ssh', {}));
    expect(plan.revoke).toEqual([world4(0, 1024, 'tcp', 'legacy')]);
    expect(plan.authorize).toEqual([world4(0, 21, 'tcp', 'legacy'), world4(23, 1024, 'tcp', 'legacy')]);
    expect(plan.actions).toEqual(['revoke TCP 0-1024 from 0.0.0.0/0, keeping TCP 0-21, TCP 23-1024']);
  });

  test('only the world ranges of a permission are touched; a private source on the same port stays', () => {
    const mixed: IpPermission = {
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '0.0.0.0/0' }],
      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
    };
    const plan = planIngressFix([mixed], forbiddenIngress('restricted-ssh', {}));
    expect(plan.revoke).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
    ]);
    expect(plan.authorize).toEqual([]);
  });

  test('restricted-common-ports: the blocked TCP ports from 0.0.0.0/0 and from ::/0, as the current AWS page counts both; other ports and protocols untouched', () => {
    const ipv6Rdp: IpPermission = { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'rdp' }] };
    const plan = planIngressFix([world4(3306, 3306), world4(443, 443), world4(3306, 3306, 'udp'), ipv6Rdp], forbiddenIngress('restricted-common-ports', {}));
    expect(plan.revoke).toEqual([world4(3306, 3306), ipv6Rdp]);
    expect(plan.authorize).toEqual([]);
    expect(plan.actions).toEqual(['revoke TCP 3306 from 0.0.0.0/0', 'revoke TCP 3389 from ::/0']);
  });

  test('restricted-common-ports: a blockedPortN given replaces its own default only, as the verdict reads it', () => {
    const plan = planIngressFix([world4(3389, 3389), world4(8080, 8080), world4(20, 20)], forbiddenIngress('restricted-common-ports', { blockedPort1: '8080' }));
    expect(plan.revoke).toEqual([world4(3389, 3389), world4(8080, 8080)]);
  });

  test('vpc-sg-open-only-to-authorized-ports: everything but the authorized ports, TCP and UDP', () => {
    const forbidden = forbiddenIngress('vpc-sg-open-only-to-authorized-ports', { authorizedTcpPorts: '443,8000-8100', authorizedUdpPorts: '53' });
    const plan = planIngressFix([world4(443, 443), world4(8000, 8200), world4(53, 53, 'udp'), world4(0, 65535, '17')], forbidden);
    expect(plan.revoke).toEqual([world4(8000, 8200), world4(0, 65535, '17')]);
    expect(plan.authorize).toEqual([world4(8000, 8100), world4(53, 53, '17')]);
  });

  test('all traffic open to the world is left to a person: narrowing it would need a permission per protocol', () => {
    const plan = planIngressFix([{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, world4(0, 0, 'icmp')], forbiddenIngress('restricted-ssh', {}));
    expect(plan).toMatchObject({ revoke: [], authorize: [], allTraffic: ['0.0.0.0/0'] });
  });

  test('a rule without a security-group fix has no forbidden ingress', () => {
    expect(() => forbiddenIngress('required-tags', {})).toThrow('rule required-tags has no security-group fix');
    expect(() => forbiddenIngress('my-own-rule', {})).toThrow('rule my-own-rule has no security-group fix');
  });
});

describe('closing world ingress on the wire', () => {
  // The plans above, applied through moto: EC2 takes each authorization and revocation, and the group reads back closed.
  let moto: MotoServer;
  let ec2: EC2Client;
  beforeAll(async () => {
    moto = await startMoto();
    ec2 = new EC2Client(moto.clientConfig);
  }, 60_000);
  afterAll(async () => {
    ec2?.destroy();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
  });

  /** Makes a group with these permissions, applies the rule's fix to it, and reads its ingress back: `tcp 0-21 0.0.0.0/0`. */
  async function fixed(ruleName: string, parameters: Record<string, string>, permissions: IpPermission[]): Promise<string[]> {
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'plans test' }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: permissions }));
    const plan = await worldIngressFix(ec2)(
      { configRuleName: `${ruleName}-test`, resourceType: 'AWS::EC2::SecurityGroup', resourceId: GroupId!, awsRegion: 'eu-west-1', correlationId: 'req-1' },
      { configRuleName: `${ruleName}-test`, ruleName, severity: Severity.HIGH, evaluationMode: 'MANAGED', parameters },
    );
    expect(plan.actions).not.toEqual([]);
    await plan.apply();
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] }))).SecurityGroups![0];
    return (group.IpPermissions ?? []).flatMap((permission) => [
      ...(permission.IpRanges ?? []).map((range) => range.CidrIp),
      ...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6),
    ].map((cidr) => `${permission.IpProtocol} ${permission.FromPort}-${permission.ToPort} ${cidr}`)).sort();
  }

  test('restricted-common-ports: the blocked TCP ports close to 0.0.0.0/0 and ::/0; other ports and UDP stay open', async () => {
    const ipv6Rdp: IpPermission = { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'rdp' }] };
    expect(await fixed('restricted-common-ports', {}, [world4(3306, 3306), world4(443, 443), world4(3306, 3306, 'udp'), ipv6Rdp]))
      .toEqual(['tcp 443-443 0.0.0.0/0', 'udp 3306-3306 0.0.0.0/0']);
  });

  test('vpc-sg-open-only-to-authorized-ports: only the authorized ports stay open, UDP given by its protocol number included', async () => {
    const parameters = { authorizedTcpPorts: '443,8000-8100', authorizedUdpPorts: '53' };
    expect(await fixed('vpc-sg-open-only-to-authorized-ports', parameters, [world4(443, 443), world4(8000, 8200), world4(0, 65535, '17')]))
      .toEqual(['tcp 443-443 0.0.0.0/0', 'tcp 8000-8100 0.0.0.0/0', 'udp 53-53 0.0.0.0/0']);
  });
});

describe('S3 default encryption', () => {
  const sse = (SSEAlgorithm: string, KMSMasterKeyID?: string) =>
    [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SSEAlgorithm as any, KMSMasterKeyID } }];

  test('AES256 when a bucket has no default encryption, nothing when it has any', () => {
    expect(requiredEncryption([], false, {})).toEqual({ SSEAlgorithm: 'AES256' });
    expect(requiredEncryption(sse('aws:kms'), false, {})).toBeUndefined();
  });

  test('SSE-KMS with the AWS managed key (no key id), or the rule\'s first allowed key: never a key of the monitor, deleted with its stack', () => {
    expect(requiredEncryption(sse('AES256'), true, {})).toEqual({ SSEAlgorithm: 'aws:kms' });
    expect(requiredEncryption(sse('aws:kms', 'arn:other'), true, { kmsKeyArns: 'arn:allowed-1,arn:allowed-2' }))
      .toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:allowed-1' });
    expect(requiredEncryption(sse('aws:kms:dsse', 'arn:allowed-2'), true, { kmsKeyArns: 'arn:allowed-1,arn:allowed-2' })).toBeUndefined();
    expect(requiredEncryption(sse('aws:kms'), true, {})).toBeUndefined();
  });
});

describe('RDS backup retention', () => {
  test('the rule\'s exact period, else its minimum, else a day', () => {
    expect(requiredRetention({ backupRetentionPeriod: '14', backupRetentionMinimum: '7' })).toEqual({ days: 14, exact: true });
    expect(requiredRetention({ backupRetentionMinimum: '7' })).toEqual({ days: 7, exact: false });
    expect(requiredRetention({})).toEqual({ days: 1, exact: false });
  });
});

describe('S3 versioning', () => {
  test('versioning is enabled when it is off or suspended, and left alone when it is on', () => {
    expect(versioningChange({}, false)).toEqual({ action: 'enable versioning (never enabled → Enabled)' });
    expect(versioningChange({ Status: 'Suspended', MFADelete: 'Disabled' }, false)).toEqual({ action: 'enable versioning (Suspended → Enabled)' });
    expect(versioningChange({ Status: 'Enabled' }, false)).toEqual({ reason: 'versioning is already enabled', manual: false });
  });

  test('MFA delete is never turned on by the fix: a rule that requires it leaves the bucket to a person', () => {
    const byHand = { reason: 'the rule requires MFA delete, which only the root user can enable, with its MFA device: enable versioning and MFA delete by hand', manual: true };
    expect(versioningChange({}, true)).toEqual(byHand);
    expect(versioningChange({ Status: 'Enabled', MFADelete: 'Disabled' }, true)).toEqual(byHand);
    expect(versioningChange({ Status: 'Enabled', MFADelete: 'Enabled' }, true)).toEqual({ reason: 'versioning is already enabled, with MFA delete', manual: false });
  });

  test('with MFA delete on, changing the versioning state needs the root user, whatever the rule asks', () => {
    const byHand = { reason: 'MFA delete is enabled, so enabling versioning needs the root user\'s MFA device: enable it by hand', manual: true };
    expect(versioningChange({ Status: 'Suspended', MFADelete: 'Enabled' }, false)).toEqual(byHand);
    expect(versioningChange({ Status: 'Suspended', MFADelete: 'Enabled' }, true)).toEqual(byHand);
  });
});

describe('closing the default security group', () => {
  test('one line per rule, each source apart, ingress then egress, with what a person needs to authorize it again', () => {
    expect(securityGroupRules({
      IpPermissions: [
        { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: '123456789012', Description: 'self' }] },
        { IpProtocol: '6', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'vpn' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        { IpProtocol: 'udp', FromPort: 1000, ToPort: 2000, PrefixListIds: [{ PrefixListId: 'pl-1', Description: 'partners' }] },
        { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '192.168.0.0/16' }] },
        { IpProtocol: '58', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: 'fd00::/8' }] },
        { IpProtocol: '50', UserIdGroupPairs: [{ GroupId: 'sg-2' }] },
      ],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
    })).toEqual([
      'revoke ingress all traffic from security group sg-1 of account 123456789012 (self)',
      'revoke ingress TCP 22 from 10.0.0.0/8 (vpn)',
      'revoke ingress TCP 22 from ::/0',
      'revoke ingress UDP 1000-2000 from prefix list pl-1 (partners)',
      'revoke ingress ICMP type 8 code -1 from 192.168.0.0/16',
      'revoke ingress ICMPv6 type -1 code -1 from fd00::/8',
      'revoke ingress protocol 50 from security group sg-2',
      'revoke egress all traffic to 0.0.0.0/0',
      'revoke egress all traffic to ::/0',
    ]);
  });

  test('a closed group has no rules to revoke', () => {
    expect(securityGroupRules({ IpPermissions: [], IpPermissionsEgress: [] })).toEqual([]);
    expect(securityGroupRules({})).toEqual([]);
  });
});
