import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { buildSync } from 'esbuild';
import { EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED } from '../../cli/main';
import { version } from '../../package.json';
import { runCli, scratchDirectory } from '../support/cli';
import { fixture, fixturePath } from '../support/fixtures';

/**
 * The CLI as a new user meets it: real Config data (the fixtures' history, snapshot, SNS and
 * select-resource-config files), changed only where a case needs it.
 */

const RDK_SG = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
const S3_HISTORY = fixture('configuration-items/AWS-S3-Bucket.history.json');
const SNS = (name: string) => fixturePath(`sns-notifications/${name}`);

const scratch = scratchDirectory('cli-real-');
const write = scratch.write;
const run = runCli;

const rulesFile = (rules: unknown[]) => write('rules.json', { rules });
const results = (report: any) => report.evaluations.map((e: any) => `${e.configRuleName} ${e.resourceId} ${e.complianceType}`);

/** The RDK group (get-resource-config-history's 1.2 shape) at a time, with SSH open or closed. */
function sgVersion(captureTime: string, sshOpen: boolean, extra: Record<string, unknown> = {}) {
  return {
    ...RDK_SG,
    configurationItemCaptureTime: captureTime,
    configuration: { ...RDK_SG.configuration, ipPermissions: sshOpen ? RDK_SG.configuration.ipPermissions : [] },
    ...extra,
  };
}

describe('the newest item of each resource is evaluated', () => {
  const ssh = () => rulesFile([{ name: 'restricted-ssh' }]);

  test('a history whose newest version closed SSH is COMPLIANT, evaluated once (history lists newest first)', async () => {
    const history = write('sg.json', { configurationItems: [sgVersion('2026-11-20T10:00:00.000Z', false), sgVersion('2026-11-01T10:00:00.000Z', true)] });
    const { code, report } = await run(['evaluate', '--rules', ssh(), history]);
    expect(code).toBe(EXIT_COMPLIANT);
    expect(results(report)).toEqual(['restricted-ssh sg-1d56fc66 COMPLIANT']);
    expect(report.summary).toMatchObject({ total_resources: 1, compliant: 1, non_compliant: 0 });
  });

  test('across input files, in either order, the newest wins', async () => {
    const older = write('older.json', { configurationItems: [sgVersion('2026-11-01T10:00:00.000Z', false)] });
    const newer = write('newer.json', { configurationItems: [sgVersion('2026-11-20T10:00:00.000Z', true)] });
    for (const inputs of [[older, newer], [newer, older]]) {
      const { code, report } = await run(['evaluate', '--rules', ssh(), ...inputs]);
      expect([code, results(report)]).toEqual([EXIT_NON_COMPLIANT, ['restricted-ssh sg-1d56fc66 NON_COMPLIANT']]);
    }
  });

  test('at the same capture time, the higher configurationStateId (a numeric string in history items) wins', async () => {
    const time = '2026-11-20T10:00:00.000Z';
    const history = write('sg.json', {
      configurationItems: [sgVersion(time, true, { configurationStateId: '1700000000002' }), sgVersion(time, false, { configurationStateId: '1700000000010' })],
    });
    expect(results((await run(['evaluate', '--rules', ssh(), history])).report)).toEqual(['restricted-ssh sg-1d56fc66 COMPLIANT']);
  });

  test('a deleted newest item is NOT_APPLICABLE, once per rule, and nothing else is judged (exit 3)', async () => {
    const history = write('sg.json', {
      configurationItems: [sgVersion('2026-11-20T10:00:00.000Z', true, { configurationItemStatus: 'ResourceDeleted' }), sgVersion('2026-11-01T10:00:00.000Z', true)],
    });
    const { code, report, stderr } = await run(['evaluate', '--rules', rulesFile([{ name: 'restricted-ssh' }, { name: 'restricted-common-ports' }]), history]);
    expect(code).toBe(EXIT_NOTHING_JUDGED);
    expect(results(report)).toEqual(['restricted-ssh sg-1d56fc66 NOT_APPLICABLE', 'restricted-common-ports sg-1d56fc66 NOT_APPLICABLE']);
    expect(report.evaluations[0].annotation).toBe('Resource deleted (ResourceDeleted)');
    expect(stderr).toBe('cdk-compliance-monitor: nothing was judged (no resource is compliant, non-compliant or exempt)\n');
  });

  test('the same snapshot given twice counts as once', async () => {
    const snapshot = fixturePath('snapshot/awsdocs-config-snapshot-example.json');
    const once = await run(['evaluate', snapshot]);
    const twice = await run(['evaluate', snapshot, snapshot]);
    expect(twice.report.summary).toEqual(once.report.summary);
    // The same evaluations, each judged at its own run's time.
    const judged = (report: { evaluations: Array<{ resultRecordedTime: string }> }) =>
      report.evaluations.map(({ resultRecordedTime: _, ...evaluation }) => evaluation);
    expect(judged(twice.report)).toEqual(judged(once.report));
  });

  test('the S3 history fixture, with a newer version that enabled versioning, is judged on the newer one', async () => {
    const [item] = S3_HISTORY.configurationItems;
    const enabled = {
      ...item,
      configurationItemCaptureTime: '2021-06-12T08:00:00.000Z',
      supplementaryConfiguration: { ...item.supplementaryConfiguration, BucketVersioningConfiguration: '{"status":"Enabled","isMfaDeleteEnabled":null}' },
    };
    const history = write('bucket.json', { configurationItems: [enabled, item] });
    const { report } = await run(['evaluate', '--rules', rulesFile([{ name: 's3-bucket-versioning-enabled' }]), history, fixturePath('configuration-items/AWS-S3-Bucket.history.json')]);
    expect(report.evaluations).toEqual([expect.objectContaining({ resourceId: 'bucket-bucket-444', complianceType: 'COMPLIANT', annotation: 'Versioning is enabled' })]);
  });
});

describe('SNS notifications of the delivery channel', () => {
  /** As SNS delivers it: `Message` is JSON text (AWS's examples print it as an object). */
  const delivered = (file: string) => {
    const envelope = JSON.parse(fs.readFileSync(file, 'utf8'));
    return write(path.basename(file), { ...envelope, Message: JSON.stringify(envelope.Message) });
  };

  test.each([
    ['awsdocs-ci-change-security-group-created.sns.json', 'restricted-ssh sg-3f1fef43 COMPLIANT'],
    ['awsdocs-ci-change-ec2-instance-sg-replaced.sns.json', 'desired-instance-type i-007d374c8912e3e90 COMPLIANT'],
  ])('%s: the item of a ConfigurationItemChangeNotification, Message as JSON text or as an object', async (name, expected) => {
    const rules = rulesFile([{ name: 'restricted-ssh' }, { name: 'desired-instance-type', parameters: { instanceType: 't2.micro' } }]);
    for (const input of [SNS(name), delivered(SNS(name))]) {
      const { code, report } = await run(['evaluate', '--rules', rules, input]);
      expect([code, results(report)]).toEqual([EXIT_COMPLIANT, [expected]]);
    }
  });

  test('the 2014 example: its list of items is read; its type, spelled AWS::EC2::VOLUME, is no rule type and is skipped', async () => {
    const { code, report, stderr } = await run(['evaluate', SNS('awsdocs-ci-change-ebs-volume.sns.json')]);
    expect(code).toBe(EXIT_NOTHING_JUDGED);
    expect(report.skipped_items).toEqual({ total: 1, by_resource_type: { 'AWS::EC2::VOLUME': 1 } });
    expect(stderr).toBe('cdk-compliance-monitor: nothing was judged (no resource is compliant, non-compliant or exempt); ' +
      '1 item skipped, of types no rule evaluates: AWS::EC2::VOLUME 1\n');
  });

  test('an OversizedConfigurationItemChangeNotification: INSUFFICIENT_DATA for each rule, naming where the configuration is', async () => {
    const message = fs.readFileSync(fixturePath('oversized/awsdocs-oversized-ci-change-notification.json'), 'utf8');
    const input = write('oversized.sns.json', { Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:us-west-2:123456789012:config', Message: message });
    const { code, report } = await run(['evaluate', input]);
    expect(code).toBe(EXIT_NOTHING_JUDGED);
    expect(report.evaluations.map((e: any) => e.complianceType)).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    expect(report.evaluations[0]).toMatchObject({ resourceType: 'AWS::EC2::Instance', resourceId: 'resourceId_14b76876-7969-4097-ab8e-a31942b02e80' });
    expect(report.evaluations[0].annotation).toMatch(/^Configuration not in the notification \(oversized\); it is at s3:\/\/my-bucket\/AWSLogs\/123456789012\/Config\//);
    expect(report.summary.not_applicable).toBe(2);
  });

  test('an oversized notification is superseded by a full item of the same resource captured later', async () => {
    const oversized = JSON.parse(fs.readFileSync(fixturePath('oversized/awsdocs-oversized-ci-change-notification.json'), 'utf8'));
    const { configurationItemSummary: summary } = oversized;
    const full = { ...summary, configurationItemCaptureTime: '2016-10-06T17:00:00.000Z', configuration: { instanceType: 't2.micro' }, tags: {} };
    const { code, report } = await run(['evaluate', '--rules', rulesFile([{ name: 'desired-instance-type', parameters: { instanceType: 't2.micro' } }]),
      write('oversized.json', oversized), write('full.json', full)]);
    expect([code, results(report)]).toEqual([EXIT_COMPLIANT, [`desired-instance-type ${summary.resourceId} COMPLIANT`]]);
  });

  test.each([
    ['a snapshot delivery notification', () => fixturePath('snapshot/awsdocs-snapshot-delivery-completed.sns.json'),
      /\.sns\.json: Message is a ConfigurationSnapshotDeliveryCompleted message, which carries no configuration item\n$/],
    ['a Message that is not JSON', () => write('bad.sns.json', { Type: 'Notification', Message: 'New State Record Summary:' }),
      /bad\.sns\.json: Message of the SNS notification is not valid JSON \(.*\)\n$/],
    ['a Message that is a number', () => write('number.sns.json', { Type: 'Notification', Message: 42 }),
      /number\.sns\.json: Message of the SNS notification is not a Config message \(a JSON object\)\n$/],
  ])('%s is exit 2, in one line', async (_, input, message) => {
    const { code, stderr } = await run(['evaluate', input()]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('select-resource-config output', () => {
  test('each result, JSON text, is an item when the query selected resourceType and resourceId', async () => {
    const volume = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
    const input = write('select.json', { Results: [JSON.stringify(volume)], QueryInfo: { SelectFields: [{ Name: 'resourceType' }] } });
    const { code, report } = await run(['evaluate', '--rules', rulesFile([{ name: 'encrypted-volumes' }]), input]);
    expect([code, results(report)]).toEqual([EXIT_COMPLIANT, ['encrypted-volumes vol-a416b170 COMPLIANT']]);
  });

  test('results without resourceType (the fixture query selected none) are exit 2, saying what to select', async () => {
    const { data } = fixture('configuration-items/AWS-SNS-Topic.select-resource-config.json');
    const { code, stderr } = await run(['evaluate', write('select.json', { Results: data.Results, QueryInfo: data.QueryInfo })]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(/select\.json: Results\[0\] is not a configuration item: select resourceType and resourceId \(SELECT resourceType, resourceId, /);
  });
});

describe('a rules file takes what the construct takes per rule', () => {
  const NOW = new Date();
  const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

  test('severity replaces the rule default in every format', async () => {
    const { report } = await run(['evaluate', '--rules', rulesFile([{ name: 'restricted-ssh', severity: 'LOW' }]), fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect(report.evaluations.map((e: any) => e.severity)).toEqual(['LOW']);
  });

  test('an exemption by resource id makes the violation EXEMPT with its reason; with only exempt violations the exit code is 0', async () => {
    const rules = rulesFile([{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1d56fc66'], reason: 'RISK-42: bastion', expires: day(30) }] }]);
    const { code, report } = await run(['evaluate', '--rules', rules, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect(code).toBe(EXIT_COMPLIANT);
    expect(report.evaluations).toEqual([expect.objectContaining({
      complianceType: 'EXEMPT', annotation: 'Exempt (RISK-42: bastion): SSH (TCP 22) is open to 0.0.0.0/0', severity: 'CRITICAL',
    })]);
    expect(report.summary).toMatchObject({ exempt: 1, non_compliant: 0, compliant: 0 });
  });

  test('an exemption\'s approver and ticket are in the annotation of what it covers; a bad one is refused', async () => {
    const rules = rulesFile([{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1d56fc66'], reason: 'bastion', approvedBy: 'Jane Doe (CISO)', ticket: 'RISK-42' }] }]);
    const { report } = await run(['evaluate', '--rules', rules, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect(report.evaluations[0].annotation).toBe('Exempt (bastion (approved by Jane Doe (CISO), ticket RISK-42)): SSH (TCP 22) is open to 0.0.0.0/0');
    const bad = rulesFile([{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1'], reason: 'bastion', ticket: 42 }] }]);
    const refused = await run(['evaluate', '--rules', bad, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect([refused.code, refused.stderr]).toEqual([EXIT_BAD_INPUT, `cdk-compliance-monitor: ${bad}: rules[0] ("restricted-ssh").exemptions[0]: "ticket" must have 1 to 128 characters, or be left out\n`]);
  });

  test('an exemption by tag covers the resources carrying it; an expired one no longer applies', async () => {
    const tagged = write('sg.json', { ...RDK_SG, tags: { role: 'bastion' } });
    const byTag = (expires: string) => rulesFile([{ name: 'restricted-ssh', exemptions: [{ tag: { key: 'role', value: 'bastion' }, reason: 'bastions', expires }] }]);
    expect(results((await run(['evaluate', '--rules', byTag(day(0)), tagged])).report)).toEqual(['restricted-ssh sg-1d56fc66 EXEMPT']);
    expect(results((await run(['evaluate', '--rules', byTag(day(-1)), tagged])).report)).toEqual(['restricted-ssh sg-1d56fc66 NON_COMPLIANT']);
    const untagged = fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
    expect(results((await run(['evaluate', '--rules', byTag(day(1)), untagged])).report)).toEqual(['restricted-ssh sg-1d56fc66 NON_COMPLIANT']);
  });

  test('an exemption does not touch a compliant verdict', async () => {
    const rules = rulesFile([{ name: 'encrypted-volumes', exemptions: [{ resourceIds: ['vol-a416b170'], reason: 'migration' }] }]);
    const { report } = await run(['evaluate', '--rules', rules, fixturePath('configuration-items/rdk-example-AWS_EC2_Volume.json')]);
    expect(results(report)).toEqual(['encrypted-volumes vol-a416b170 COMPLIANT']);
  });

  test('resourceTypes narrows a rule to some of its types', async () => {
    const rules = rulesFile([{ name: 'required-tags', parameters: { tag1Key: 'Owner' }, resourceTypes: ['AWS::S3::Bucket'] }]);
    const { code, report } = await run(['evaluate', '--rules', rules, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect([code, report.evaluations, report.skipped_items]).toEqual([EXIT_NOTHING_JUDGED, [], { total: 1, by_resource_type: { 'AWS::EC2::SecurityGroup': 1 } }]);
  });

  test.each([
    ['an unknown key in a rule', [{ name: 'restricted-ssh', severty: 'LOW' }],
      'rules[0] ("restricted-ssh"): unknown key "severty" (accepted: name, parameters, severity, resourceTypes, exemptions)'],
    ['a rule given twice', [{ name: 'restricted-ssh' }, { name: 'encrypted-volumes' }, { name: 'restricted-ssh', severity: 'LOW' }],
      'rules[2]: rule "restricted-ssh" is already rules[0]; give each rule once'],
    ['a severity that is none', [{ name: 'restricted-ssh', severity: 'URGENT' }], 'rules[0] ("restricted-ssh"): "severity" must be one of CRITICAL, HIGH, MEDIUM, LOW (got "URGENT")'],
    ['resource types out of the rule scope', [{ name: 'restricted-ssh', resourceTypes: ['AWS::S3::Bucket'] }],
      'rules[0] ("restricted-ssh"): "resourceTypes" must be a non-empty subset of AWS::EC2::SecurityGroup'],
    ['exemptions that are not a list', [{ name: 'restricted-ssh', exemptions: { resourceIds: ['sg-1'] } }], 'rules[0] ("restricted-ssh"): "exemptions" must be a list'],
    ['an exemption that is not an object', [{ name: 'restricted-ssh', exemptions: ['sg-1'] }],
      'rules[0] ("restricted-ssh").exemptions[0] must be an object: {"resourceIds": [...], "reason": ...} or {"tag": {"key": ..., "value": ...}, "reason": ...}'],
    ['an unknown key in an exemption', [{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1'], reason: 'r', until: '2027-01-01' }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: unknown key "until" (accepted: resourceIds, tag, reason, expires, approvedBy, ticket)'],
    ['an exemption with both ids and a tag', [{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1'], tag: { key: 'a', value: 'b' }, reason: 'r' }] }],
      'rules[0] ("restricted-ssh").exemptions[0] needs either "resourceIds" or "tag"'],
    ['an empty resource id', [{ name: 'restricted-ssh', exemptions: [{ resourceIds: [' '], reason: 'r' }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: "resourceIds" must list at least one resource id, none empty'],
    ['no reason', [{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1'] }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: "reason" must have 1 to 256 characters; say why the violation is accepted'],
    ['a date that is no date', [{ name: 'restricted-ssh', exemptions: [{ resourceIds: ['sg-1'], reason: 'r', expires: '2027-02-30' }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: "expires" must be the last day the exemption applies, as YYYY-MM-DD, e.g. "2027-03-31" (got "2027-02-30")'],
    ['a tag with an unknown key', [{ name: 'restricted-ssh', exemptions: [{ tag: { key: 'a', value: 'b', kind: 'c' }, reason: 'r' }] }],
      'rules[0] ("restricted-ssh").exemptions[0].tag: unknown key "kind" (accepted: key, value)'],
    ['a tag AWS does not allow', [{ name: 'restricted-ssh', exemptions: [{ tag: { key: 'a*b', value: 'c' }, reason: 'r' }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: "tag" must be {"key": ..., "value": ...}, a valid AWS tag (a key of 1 to 128 characters, a value of at most 256)'],
    ['a tag that is not an object', [{ name: 'restricted-ssh', exemptions: [{ tag: 'role=bastion', reason: 'r' }] }],
      'rules[0] ("restricted-ssh").exemptions[0]: "tag" must be {"key": ..., "value": ...}, a valid AWS tag (a key of 1 to 128 characters, a value of at most 256)'],
  ])('%s is exit 2, in one line', async (_, rules, message) => {
    const file = rulesFile(rules);
    const { code, stderr } = await run(['evaluate', '--rules', file, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect([code, stderr]).toEqual([EXIT_BAD_INPUT, `cdk-compliance-monitor: ${file}: ${message}\n`]);
  });

  test('an unknown key beside "rules" is exit 2', async () => {
    const file = write('rules.json', { rules: [{ name: 'restricted-ssh' }], rule: [] });
    const { code, stderr } = await run(['evaluate', '--rules', file, fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect([code, stderr]).toEqual([EXIT_BAD_INPUT, `cdk-compliance-monitor: ${file}: the rules file: unknown key "rule" (accepted: rules)\n`]);
  });

  test('a rules file that cannot be read is exit 2', async () => {
    const { code, stderr } = await run(['evaluate', '--rules', scratch.path('none.json'), fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]);
    expect([code, stderr]).toEqual([EXIT_BAD_INPUT, `cdk-compliance-monitor: ${scratch.path('none.json')}: cannot read (ENOENT)\n`]);
  });
});

describe('items of types no rule judges', () => {
  test('only such items (an IAM user history): exit 3, counted by type in the report and on stderr, no 100% claim', async () => {
    const { code, report, stderr } = await run(['evaluate', fixturePath('configuration-items/AWS-IAM-User.history.json')]);
    expect(code).toBe(EXIT_NOTHING_JUDGED);
    expect([report.evaluations, report.skipped_items]).toEqual([[], { total: 1, by_resource_type: { 'AWS::IAM::User': 1 } }]);
    expect(stderr).toBe('cdk-compliance-monitor: nothing was judged (no resource is compliant, non-compliant or exempt); ' +
      '1 item skipped, of types no rule evaluates: AWS::IAM::User 1\n');
  });

  test('beside judged items: counted once per resource, by type, in JSON and text', async () => {
    const user = fixturePath('configuration-items/AWS-IAM-User.history.json');
    const inputs = [user, user, fixturePath('configuration-items/AWS-S3-Bucket.history.json'), fixturePath('snapshot/awsdocs-config-snapshot-example.json')];
    const rules = rulesFile([{ name: 's3-bucket-server-side-encryption-enabled' }]);
    const { code, report, stderr } = await run(['evaluate', '--rules', rules, ...inputs]);
    expect([code, stderr]).toEqual([EXIT_COMPLIANT, '']);
    expect(report.skipped_items).toEqual({ total: 3, by_resource_type: { 'AWS::IAM::User': 1, 'AWS::EC2::Volume': 1, 'AWS::EC2::Instance': 1 } });
    const text = (await run(['evaluate', '--rules', rules, '--format', 'text', ...inputs])).stdout;
    expect(text).toContain('AWS::IAM::User 1, AWS::EC2::Volume 1, AWS::EC2::Instance 1');
  });
});

describe('inputs, as a shell gives them', () => {
  test('- reads standard input, plain or gzip', async () => {
    const bytes = fs.readFileSync(fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json'));
    for (const stdin of [bytes, gzipSync(bytes)]) {
      const { code, report } = await run(['evaluate', '--rules', rulesFile([{ name: 'restricted-ssh' }]), '-'], stdin);
      expect([code, results(report)]).toEqual([EXIT_NON_COMPLIANT, ['restricted-ssh sg-1d56fc66 NON_COMPLIANT']]);
    }
  });

  test('a UTF-8 byte-order mark is accepted, in inputs and in rules files', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const input = write('sg.json', Buffer.concat([bom, fs.readFileSync(fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json'))]));
    const rules = write('rules.json', Buffer.concat([bom, Buffer.from(JSON.stringify({ rules: [{ name: 'restricted-ssh' }] }))]));
    expect(results((await run(['evaluate', '--rules', rules, input])).report)).toEqual(['restricted-ssh sg-1d56fc66 NON_COMPLIANT']);
  });

  test.each([
    ['- twice', ['-', '-'], 'cdk-compliance-monitor: - (standard input) is given more than once (usage:'],
    ['--out with an extension no format has', ['--out', 'report.pdf', 'x.json'],
      'cdk-compliance-monitor: --out report.pdf: no report format has the extension ".pdf"; use .json, .txt, .csv, .controls.csv or .html, or give --format (usage:'],
  ])('%s is exit 2', async (_, argv, message) => {
    const { code, stderr } = await run(['evaluate', ...argv]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr.startsWith(message)).toBe(true);
  });

  test('--out with any extension takes the format --format gives', async () => {
    const out = scratch.path('report.pdf');
    const { code } = await run(['evaluate', '--format', 'csv', '--out', out, fixturePath('configuration-items/rdk-example-AWS_EC2_Volume.json')]);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    expect(fs.readFileSync(out, 'utf8').startsWith('config_rule_name,')).toBe(true);
  });

  test.each([
    ['a directory', () => scratch.path(), /: cannot read \(EISDIR\)\n$/],
    ['an empty file', () => write('empty.json', ''), /empty\.json: not valid JSON \(Unexpected end of JSON input\)\n$/],
    ['a truncated gzip', () => write('cut.json.gz', gzipSync(JSON.stringify({ configurationItems: [RDK_SG] })).subarray(0, 40)), /cut\.json\.gz: gzip data is corrupt \(.*\)\n$/],
  ])('%s is exit 2 with one line', async (_, input, message) => {
    const { code, stderr } = await run(['evaluate', input()]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  test('--version prints the version of package.json', async () => {
    expect(await run(['--version'])).toEqual({ code: EXIT_COMPLIANT, stdout: `${version}\n`, stderr: '', report: undefined });
  });
});

describe('the CLI bundled as the package bundles it', () => {
  let bundle: string;
  beforeAll(() => {
    bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bundle-')), 'index.js');
    buildSync({ entryPoints: [path.join(__dirname, '..', '..', 'cli', 'index.ts')], bundle: true, platform: 'node', target: 'node20', minify: true, outfile: bundle, logLevel: 'silent' });
  });
  afterAll(() => {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  });

  test('--version prints the package version, with no package.json beside the bundle', () => {
    const result = spawnSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([EXIT_COMPLIANT, `${version}\n`, '']);
  });

  test('- reads the standard input of the process', () => {
    const input = fs.readFileSync(fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json'));
    const result = spawnSync(process.execPath, [bundle, 'evaluate', '--format', 'csv', '-'], { input, encoding: 'utf8' });
    expect(result.status).toBe(EXIT_NON_COMPLIANT);
    expect(result.stdout).toContain('restricted-ssh,AWS::EC2::SecurityGroup,sg-1d56fc66,NON_COMPLIANT,CRITICAL,SSH (TCP 22) is open to 0.0.0.0/0');
  });

  test('bad input is one line on stderr and exit 2, never a stack', () => {
    const result = spawnSync(process.execPath, [bundle, 'evaluate', '-'], { input: '{"configurationItems": [{"resourceType": "AWS::S3::Bucket"', encoding: 'utf8' });
    expect([result.status, result.stdout]).toEqual([EXIT_BAD_INPUT, '']);
    expect(result.stderr).toBe('cdk-compliance-monitor: (standard input): not valid JSON (Unexpected end of JSON input)\n');
  });
});
