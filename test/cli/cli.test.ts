import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED } from '../../cli/main';
import { runCli, scratchDirectory } from '../support/cli';
import { configurationItem, fixture, fixturePath } from '../support/fixtures';

const SSH_OPEN_SG = fixturePath('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
const ENCRYPTED_VOLUME = fixturePath('configuration-items/rdk-example-AWS_EC2_Volume.json');

const scratch = scratchDirectory('cli-');
const write = scratch.write;
const run = (...argv: string[]) => runCli(argv);

/** Rules that the encrypted, attached RDK volume passes. */
const volumeRules = () => write('rules.json', { rules: [{ name: 'encrypted-volumes' }] });

describe('exit codes', () => {
  test('0 when everything is compliant, with the JSON report on stdout', async () => {
    const { code, stdout, stderr } = await run('evaluate', '--rules', volumeRules(), ENCRYPTED_VOLUME);
    expect([code, stderr]).toEqual([EXIT_COMPLIANT, '']);
    const report = JSON.parse(stdout);
    expect(report.evaluations).toEqual([{
      configRuleName: 'encrypted-volumes',
      resourceType: 'AWS::EC2::Volume',
      resourceId: 'vol-a416b170',
      complianceType: 'COMPLIANT',
      annotation: 'Attached volume is encrypted',
      severity: 'HIGH',
      // The evidence: the item's ARN, account, region, capture time and state id, and when the engine judged it.
      arn: 'arn:aws:ec2:us-east-1:264683526309:volume/vol-a416b170',
      awsAccountId: '264683526309',
      awsRegion: 'us-east-1',
      configurationItemCaptureTime: '2016-10-28T00:41:34.826Z',
      configurationStateId: '1477615294826',
      resultRecordedTime: report.scope.generated_at,
    }]);
    expect(report.scope).toEqual({
      generated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      data_as_of: '2016-10-28T00:41:34.826Z',
      library_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      accounts: ['264683526309'],
      regions: ['us-east-1'],
      rules: [expect.objectContaining({
        name: 'encrypted-volumes',
        config_rule_name: 'encrypted-volumes',
        severity: 'HIGH',
        parameters: {},
        aws_page: 'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html',
      })],
    });
    expect(report.scope.rules[0].description).toMatch(/volume/i);
    expect(report.summary).toEqual({
      total_resources: 1, total_evaluations: 1, compliant: 1, non_compliant: 0, not_applicable: 0, exempt: 0, compliance_percentage: 100,
    });
  });

  test('1 when anything is non-compliant, with the recommended set by default', async () => {
    const { code, stdout } = await run('evaluate', SSH_OPEN_SG);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    const rules = JSON.parse(stdout).evaluations.map((e: any) => `${e.configRuleName} ${e.complianceType}`);
    expect(rules).toEqual(['required-tags NON_COMPLIANT', 'restricted-ssh NON_COMPLIANT', 'restricted-common-ports COMPLIANT']);
  });

  test.each([
    [['evaluate'], 'cdk-compliance-monitor: no INPUT file given (usage: cdk-compliance-monitor evaluate [--rules FILE] [--framework ID]... [--format json|text|csv|controls-csv|html] [--out FILE]... INPUT...)'],
    [[], 'cdk-compliance-monitor: no command given (usage:'],
    [['scan', 'x.json'], 'cdk-compliance-monitor: unknown command "scan" (usage:'],
    [['evaluate', '--format', 'xml', 'x.json'], 'cdk-compliance-monitor: --format must be one of json, text, csv, controls-csv, html (got "xml") (usage:'],
    [['evaluate', '--rules'], 'cdk-compliance-monitor: --rules needs a value (usage:'],
    [['evaluate', '--verbose', 'x.json'], 'cdk-compliance-monitor: unknown option "--verbose" (usage:'],
  ])('2 on bad usage %j, in one line', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect([code, stdout]).toEqual([EXIT_BAD_INPUT, '']);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each([
    ['a missing file', () => path.join('/nonexistent', 'snapshot.json'), /^cdk-compliance-monitor: \/nonexistent\/snapshot.json: cannot read \(ENOENT\)\n$/],
    ['invalid JSON', () => write('bad.json', '{"configurationItems": ['), /^cdk-compliance-monitor: .*bad.json: not valid JSON \(.*\)\n$/],
    ['a JSON file without items', () => write('other.json', { hello: 1 }), /^cdk-compliance-monitor: .*other.json: no configuration items found: .*\n$/],
    ['a snapshot entry that is not an item', () => write('snapshot.json', { configurationItems: [fixture('configuration-items/rdk-example-AWS_EC2_Volume.json'), { resourceId: 'x' }] }),
      /^cdk-compliance-monitor: .*snapshot.json: configurationItems\[1\] is not a configuration item \(it needs resourceType and resourceId\)\n$/],
    ['a periodic event', () => fixturePath('rule-invocation-events/powertools-awsConfigRuleScheduled.json'),
      /^cdk-compliance-monitor: .*powertools-awsConfigRuleScheduled.json: invokingEvent is a periodic \(ScheduledNotification\) event, which carries no configuration item\n$/],
  ])('2 on %s, naming the file and what is wrong', async (_, input, message) => {
    const { code, stderr } = await run('evaluate', input());
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(message);
  });

  test.each([
    ['an unknown rule', { rules: [{ name: 'no-such-rule' }] }, /rules.json: rule "no-such-rule" is not a built-in rule/],
    ['a bad parameter', { rules: [{ name: 'required-tags', parameters: { tag1Key: 'Owner', tagXKey: 'x' } }] },
      /rules.json: rule "required-tags": parameter "tagXKey" is not accepted: use one of tag1Key,/],
    ['no rules list', { rule: [] }, /rules.json: expected \{"rules": \[\{"name": \.\.\., "parameters": \{\.\.\.\}\}, \.\.\.\]\} with at least one rule/],
    ['a rule without a name', { rules: [{ parameters: {} }] }, /rules.json: rules\[0\] needs a "name", e.g. "required-tags"/],
    ['parameters that are not an object', { rules: [{ name: 'required-tags', parameters: 'Owner' }] }, /rules.json: rules\[0\] \("required-tags"\): "parameters" must be an object of strings/],
    ['a parameter that is not a string', { rules: [{ name: 'db-instance-backup-enabled', parameters: { backupRetentionMinimum: 7 } }] },
      /parameter "backupRetentionMinimum" must be a string \(got 7\)/],
  ])('2 on a rules file with %s', async (_, rules, message) => {
    const { code, stderr } = await run('evaluate', '--rules', write('rules.json', rules), SSH_OPEN_SG);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('inputs', () => {
  const rules = () => write('rules.json', { rules: [{ name: 'ec2-imdsv2-check' }, { name: 'restricted-ssh' }] });
  const resourceIds = (stdout: string) => JSON.parse(stdout).evaluations.map((e: any) => e.resourceId);

  // The snapshot's and EventBridge's instances record no metadata options: nothing is judged (exit 3).
  test.each([
    ['one configuration item', () => SSH_OPEN_SG, ['sg-1d56fc66'], EXIT_NON_COMPLIANT],
    ['an array of items', () => write('items.json', [fixture('configuration-items/rdk-example-AWS_EC2_Instance.json'), fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json')]),
      ['i-03402838daac1d611', 'sg-1d56fc66'], EXIT_NON_COMPLIANT],
    ['a Config snapshot', () => fixturePath('snapshot/awsdocs-config-snapshot-example.json'), ['i-344c463d'], EXIT_NOTHING_JUDGED],
    ['a gzip snapshot', () => write('snapshot.json.gz', gzipSync(fs.readFileSync(fixturePath('snapshot/awsdocs-config-snapshot-example.json')))), ['i-344c463d'], EXIT_NOTHING_JUDGED],
    ['a custom-rule invocation event', () => fixturePath('rule-invocation-events/powertools-awsConfigRuleConfigurationChanged.json'), ['i-042dd005362091826'], EXIT_NON_COMPLIANT],
    ['an EventBridge Configuration Item Change event', () => fixturePath('eventbridge/cloud-custodian-config-configuration-item-change.json'), ['i-12345678901234567'], EXIT_NOTHING_JUDGED],
  ])('%s', async (_, input, expected, exitCode) => {
    const { code, stdout } = await run('evaluate', '--rules', rules(), input());
    expect(code).toBe(exitCode);
    expect(resourceIds(stdout)).toEqual(expected);
  });

  test('a snapshot of 200,000 items, more than a spread into push can pass', async () => {
    const configurationItems = Array.from({ length: 200_000 }, (_, index) =>
      ({ resourceType: 'AWS::EC2::Volume', resourceId: `vol-${index}`, configuration: { encrypted: true, state: 'in-use' } }));
    const out = path.join(scratch.path(), 'report.json');
    const { code, stderr } = await run('evaluate', '--rules', volumeRules(), '--out', out, write('snapshot.json', { configurationItems }));
    expect([code, stderr]).toEqual([EXIT_COMPLIANT, '']);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.summary).toMatchObject({ total_resources: 200_000, compliant: 200_000 });
    expect(report.evaluations[199_999].resourceId).toBe('vol-199999');
    // Instrumented for coverage, reading and reporting 200,000 items takes longer than jest's default 5 s.
  }, 30_000);

  test('several inputs are evaluated together', async () => {
    const { stdout } = await run('evaluate', `--rules=${rules()}`, SSH_OPEN_SG, fixturePath('snapshot/awsdocs-config-snapshot-example.json'));
    expect(resourceIds(stdout)).toEqual(['sg-1d56fc66', 'i-344c463d']);
  });
});

describe('output', () => {
  test('--format text prints a table, non-compliant rows first, and a summary', async () => {
    const compliantSg = write('sg.json', configurationItem('AWS::EC2::SecurityGroup', { ipPermissions: [] }, { resourceId: 'sg-closed' }));
    const { code, stdout } = await run('evaluate', '--format', 'text', '--rules', write('rules.json', { rules: [{ name: 'restricted-ssh' }] }), compliantSg, SSH_OPEN_SG);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    expect(stdout.split('\n')).toEqual([
      'RESULT         RULE            RESOURCE TYPE            RESOURCE ID  ANNOTATION',
      'NON_COMPLIANT  restricted-ssh  AWS::EC2::SecurityGroup  sg-1d56fc66  SSH (TCP 22) is open to 0.0.0.0/0',
      'COMPLIANT      restricted-ssh  AWS::EC2::SecurityGroup  sg-closed    No ingress allows SSH from 0.0.0.0/0 or ::/0',
      '',
      'Evaluations: 50% compliant: 1 compliant, 1 non-compliant, 0 exempt, 0 not applicable',
      'Resources: 50% compliant: 1 compliant, 1 non-compliant, 0 only exempt, 0 only not applicable, of 2 resources',
      'Skipped: 0 configuration items no rule judges',
      '',
    ]);
  });

  test('--out writes the report to a file, nothing to stdout', async () => {
    const out = path.join(scratch.path(), 'report.json');
    const { code, stdout } = await run('evaluate', '--out', out, '--rules', volumeRules(), ENCRYPTED_VOLUME);
    expect([code, stdout]).toEqual([EXIT_COMPLIANT, '']);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.compliant).toBe(1);
  });

  test('an --out path that cannot be written is exit 2', async () => {
    const { code, stderr } = await run('evaluate', '--out', path.join(scratch.path(), 'missing', 'report.json'), ENCRYPTED_VOLUME);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(/missing\/report.json: cannot write \(ENOENT\)\n$/);
  });

  test('--help prints the usage, the inputs, the rules file, the formats and the exit codes', async () => {
    const { code, stdout, stderr } = await run('--help');
    expect([code, stderr]).toEqual([EXIT_COMPLIANT, '']);
    expect(stdout.startsWith('usage: cdk-compliance-monitor evaluate [--rules FILE] [--framework ID]... [--format json|text|csv|controls-csv|html] [--out FILE]... INPUT...\n')).toBe(true);
    for (const text of ['a file, or - for standard input', 'get-resource-config-history', 'select-resource-config', 'SNS notification',
      'Only the newest item of each resource counts', '"exemptions": [{"resourceIds"', 'severity CRITICAL, HIGH, MEDIUM or LOW',
      'json (default), text, csv (the evaluations), controls-csv (control status) or html', '.json, .txt, .csv,\n                .controls.csv, .html, .htm',
      '--framework ID  a framework whose controls the report shows', 'SOC2, PCI_DSS_4, NIST_800_53_R5, CIS_AWS, AWS_FSBP',
      '  0  every judged resource is compliant or exempt', '  1  a resource is non-compliant', '  2  bad usage or input', '  3  nothing was judged']) {
      expect(stdout).toContain(text);
    }
  });

  test('--format csv and html print those renderings', async () => {
    const csv = (await run('evaluate', '--format', 'csv', '--rules', volumeRules(), ENCRYPTED_VOLUME)).stdout;
    const [header, row, end] = csv.split('\r\n');
    expect([header, end]).toEqual(['config_rule_name,resource_type,resource_id,compliance_type,severity,annotation,arn,aws_account_id,aws_region,configuration_item_capture_time,configuration_state_id,result_recorded_time', '']);
    expect(row).toMatch(/^encrypted-volumes,AWS::EC2::Volume,vol-a416b170,COMPLIANT,HIGH,Attached volume is encrypted,arn:aws:ec2:us-east-1:264683526309:volume\/vol-a416b170,264683526309,us-east-1,2016-10-28T00:41:34.826Z,1477615294826,\d{4}-/);
    const html = (await run('evaluate', '--format=html', SSH_OPEN_SG)).stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<span class="percentage">33.3%</span>');
  });

  test('--framework chooses the frameworks whose controls the report shows: all built-in ones by default', async () => {
    const controlsOf = async (...options: string[]) => JSON.parse((await run('evaluate', ...options, SSH_OPEN_SG)).stdout).controls;
    expect(Object.keys(await controlsOf())).toEqual(['SOC2', 'PCI_DSS_4', 'NIST_800_53_R5', 'CIS_AWS', 'AWS_FSBP']);
    const chosen = await controlsOf('--framework', 'AWS_FSBP', '--framework=PCI_DSS_4');
    expect(Object.keys(chosen)).toEqual(['AWS_FSBP', 'PCI_DSS_4']);
    // The group opens SSH to the world: Security Hub's EC2.13 (restricted-ssh) fails, EC2.19 (restricted-common-ports) holds.
    expect(chosen.AWS_FSBP.controls['EC2.13']).toEqual({ status: 'NON_COMPLIANT', rules: ['restricted-ssh'], resources: { total: 1, compliant: 0, non_compliant: 1, exempt: 0, not_applicable: 0 } });
    expect(chosen.AWS_FSBP.controls['EC2.19'].status).toBe('COMPLIANT');
    expect(await controlsOf('--framework', 'none')).toBeUndefined();
  });

  test.each([
    [['--framework', 'HIPAA'], '--framework must be one of SOC2, PCI_DSS_4, NIST_800_53_R5, CIS_AWS, AWS_FSBP or none (got "HIPAA")'],
    [['--framework', 'SOC2', '--framework', 'SOC2'], '--framework SOC2 is given twice'],
    [['--framework', 'none', '--framework', 'SOC2'], '--framework none shows no framework: give it alone'],
  ])('--framework %j is exit 2', async (options, message) => {
    const { code, stderr } = await run('evaluate', ...options, SSH_OPEN_SG);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr.startsWith(`cdk-compliance-monitor: ${message} (usage:`)).toBe(true);
  });

  test('the control status CSV, by --format or by a .controls.csv file', async () => {
    const out = path.join(scratch.path(), 'status.controls.csv');
    const printed = (await run('evaluate', '--format', 'controls-csv', '--framework', 'AWS_FSBP', SSH_OPEN_SG)).stdout;
    // Every control of the recommended set's rules, in Security Hub's order: those of rules that judged nothing have no evidence.
    const fsbp = 'AWS Foundational Security Best Practices (Security Hub),Security Hub control ids';
    expect(printed.split('\r\n')).toEqual([
      'framework,framework_version,control,status,rules,resources,compliant,non_compliant,exempt,not_applicable',
      `${fsbp},EC2.3,NOT_APPLICABLE,encrypted-volumes,0,0,0,0,0`,
      `${fsbp},EC2.8,NOT_APPLICABLE,ec2-imdsv2-check,0,0,0,0,0`,
      `${fsbp},EC2.13,NON_COMPLIANT,restricted-ssh,1,0,1,0,0`,
      `${fsbp},EC2.19,COMPLIANT,restricted-common-ports,1,1,0,0,0`,
      `${fsbp},RDS.3,NOT_APPLICABLE,rds-storage-encrypted,0,0,0,0,0`,
      `${fsbp},RDS.11,NOT_APPLICABLE,db-instance-backup-enabled,0,0,0,0,0`,
      '',
    ]);
    await run('evaluate', '--framework', 'AWS_FSBP', '--out', out, SSH_OPEN_SG);
    expect(fs.readFileSync(out, 'utf8')).toBe(printed);
  });

  test('several --out files from one evaluation, each in the format of its extension', async () => {
    const outs = ['report.json', 'report.csv', 'report.html', 'report.txt', 'report'].map((name) => path.join(scratch.path(), name));
    const { code, stdout } = await run('evaluate', ...outs.flatMap((out) => ['--out', out]), SSH_OPEN_SG);
    expect([code, stdout]).toEqual([EXIT_NON_COMPLIANT, '']);
    const [json, csv, html, text, noExtension] = outs.map((out) => fs.readFileSync(out, 'utf8'));
    const report = JSON.parse(json);
    expect(csv.split('\r\n')).toHaveLength(report.evaluations.length + 2);
    expect(html).toContain(`Compliance report ${report.report_timestamp}`);
    expect(text).toContain('33.3% compliant');
    expect(JSON.parse(noExtension)).toEqual(report);
    await run('evaluate', '--format', 'csv', '--out', outs[0], SSH_OPEN_SG);
    expect(fs.readFileSync(outs[0], 'utf8').startsWith('config_rule_name,')).toBe(true);
  });
});

describe('the installed command', () => {
  test('the bundled bin runs with its shebang and sets the exit code', async () => {
    const bin = path.join(__dirname, '..', '..', 'assets', 'cli', 'index.js');
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const result = spawnSync(bin, ['evaluate', '--format', 'text', SSH_OPEN_SG], { encoding: 'utf8' });
    expect(result.status).toBe(EXIT_NON_COMPLIANT);
    expect(result.stdout).toContain('restricted-ssh');
    expect(result.stdout.endsWith('Evaluations: 33.3% compliant: 1 compliant, 2 non-compliant, 0 exempt, 0 not applicable\n' +
      'Resources: 0% compliant: 0 compliant, 1 non-compliant, 0 only exempt, 0 only not applicable, of 1 resource\n' +
      'Skipped: 0 configuration items no rule judges\n')).toBe(true);
    const bad = spawnSync(bin, ['evaluate', '/nonexistent.json'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([EXIT_BAD_INPUT, 'cdk-compliance-monitor: /nonexistent.json: cannot read (ENOENT)\n']);
  });
});
