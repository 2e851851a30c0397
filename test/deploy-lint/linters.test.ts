import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { AcceptedFinding, ANY_RESOURCE, CFN_LINT_ACCEPTED, CHECKOV_ACCEPTED } from './accepted-findings';
import { VARIANT_NAMES, VariantName, writeVariantTemplates } from './variants';
import { pythonTool } from '../support/python';

/**
 * The linters AWS users run over CloudFormation, over every template the library can produce:
 * cfn-lint (every region) and checkov, pinned in requirements-dev.txt. Each runs once over all the
 * variants' templates, the two at the same time.
 */

const run = promisify(execFile);

/** One finding of a linter: where, which rule, what it says. */
interface Finding {
  readonly variant: VariantName;
  readonly rule: string;
  /** The resource's logical id; empty for a finding about the template as a whole. */
  readonly resource: string;
  readonly message: string;
}

function variantOf(file: string): VariantName {
  const variant = path.basename(file).replace(/\.template\.json$/, '') as VariantName;
  expect(VARIANT_NAMES).toContain(variant);
  return variant;
}

interface CfnLintMatch {
  readonly Rule: { readonly Id: string };
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Location: { readonly Path: ReadonlyArray<string | number> };
  readonly Filename: string;
  readonly Message: string;
}

async function cfnLint(files: string[]): Promise<{ errors: Finding[]; findings: Finding[] }> {
  const { stdout } = await run(pythonTool('cfn-lint'), [
    '--format', 'json',
    // Informational findings too; every region, since the construct is for any (one check per region's resource specs).
    '--include-checks', 'I', '--regions', 'ALL_REGIONS',
    // Findings are in the output; a non-zero exit is cfn-lint failing to run.
    '--non-zero-exit-code', 'none',
    '--', ...files,
  ], { maxBuffer: 64 * 1024 * 1024 });
  const matches: CfnLintMatch[] = JSON.parse(stdout);
  const all = matches.map((match) => ({
    level: match.Level,
    finding: {
      variant: variantOf(match.Filename),
      rule: match.Rule.Id,
      resource: match.Location.Path[0] === 'Resources' ? String(match.Location.Path[1]) : '',
      message: `${match.Location.Path.join('/')}: ${match.Message}`,
    },
  }));
  return { errors: all.filter(({ level }) => level === 'Error').map(({ finding }) => finding), findings: all.map(({ finding }) => finding) };
}

interface CheckovReport {
  readonly check_type: string;
  readonly results: { readonly failed_checks: ReadonlyArray<{ check_id: string; check_name: string; resource: string; file_path: string }> };
  readonly summary: { readonly passed: number; readonly parsing_errors: number; readonly resource_count: number };
}

async function checkov(dir: string): Promise<{ report: CheckovReport; findings: Finding[] }> {
  const { stdout } = await run(pythonTool('checkov'), [
    '-d', dir, '--framework', 'cloudformation', '-o', 'json',
    // Nothing from Prisma Cloud (no network here, and its guidelines change no check's result).
    '--skip-download',
    // Failed checks are in the output; a non-zero exit is checkov failing to run.
    '--soft-fail',
  ], { maxBuffer: 64 * 1024 * 1024 });
  const reports: CheckovReport[] = [JSON.parse(stdout)].flat();
  expect(reports.map((report) => report.check_type)).toEqual(['cloudformation']);
  const [report] = reports;
  const findings = report.results.failed_checks.map((check) => ({
    variant: variantOf(check.file_path),
    rule: check.check_id,
    // `AWS::Lambda::Function.ComplianceAnalyzer18D2832B`
    resource: check.resource.split('.').slice(1).join('.'),
    message: `${check.resource}: ${check.check_name}`,
  }));
  return { report, findings };
}

const key = (finding: Pick<Finding, 'variant' | 'rule' | 'resource'>): string => `${finding.variant}: ${finding.rule} ${finding.resource}`;

/**
 * Compares a linter's findings with its accepted list: those it reports and the list does not
 * accept, and those the list expects (on every variant whose template has the resource) that it no
 * longer reports.
 */
function compare(findings: Finding[], accepted: readonly AcceptedFinding[], templates: Record<VariantName, any>) {
  const anywhere = new Set(accepted.filter(({ resources }) => resources === ANY_RESOURCE).map(({ rule }) => rule));
  const expected = new Set(accepted.flatMap(({ rule, resources }) => (resources === ANY_RESOURCE ? [] : resources.flatMap((resource) =>
    VARIANT_NAMES.filter((variant) => resource in templates[variant].Resources).map((variant) => key({ variant, rule, resource }))))));
  const reported = findings.filter(({ rule }) => !anywhere.has(rule));
  return {
    unaccepted: reported.filter((finding) => !expected.has(key(finding))).map((finding) => `${key(finding)} (${finding.message})`),
    stale: [...expected].filter((expectedKey) => !reported.some((finding) => key(finding) === expectedKey)).sort(),
    anywhereStale: [...anywhere].filter((rule) => !findings.some((finding) => finding.rule === rule)),
    // A resource no variant has (renamed, or never there) would otherwise expect nothing.
    unknownResources: accepted.flatMap(({ resources }) => (resources === ANY_RESOURCE ? [] : resources))
      .filter((resource) => !VARIANT_NAMES.some((variant) => resource in templates[variant].Resources)),
  };
}

describe('cfn-lint and checkov over every variant of the template', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-lint-templates-'));
  let templates: Record<VariantName, any>;
  let lint: Awaited<ReturnType<typeof cfnLint>>;
  let checks: Awaited<ReturnType<typeof checkov>>;

  beforeAll(async () => {
    const files = writeVariantTemplates(dir);
    templates = Object.fromEntries(VARIANT_NAMES.map((variant) => [variant, JSON.parse(fs.readFileSync(files[variant], 'utf8'))])) as typeof templates;
    [lint, checks] = await Promise.all([cfnLint(Object.values(files)), checkov(dir)]);
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('cfn-lint', () => {
    test('no error in any variant', () => {
      expect(lint.errors.map((finding) => `${key(finding)} (${finding.message})`)).toEqual([]);
    });

    test('no warning or informational finding that is not accepted', () => {
      expect(compare(lint.findings, CFN_LINT_ACCEPTED, templates).unaccepted).toEqual([]);
    });

    test('every accepted finding still occurs: the list is not stale', () => {
      const { stale, anywhereStale, unknownResources } = compare(lint.findings, CFN_LINT_ACCEPTED, templates);
      expect(stale).toEqual([]);
      expect(anywhereStale).toEqual([]);
      expect(unknownResources).toEqual([]);
    });
  });

  describe('checkov', () => {
    test('read every variant\'s template and every resource in it', () => {
      expect(checks.report.summary.parsing_errors).toBe(0);
      const resources = VARIANT_NAMES.reduce((count, variant) => count + Object.keys(templates[variant].Resources).length, 0);
      expect(checks.report.summary.resource_count).toBe(resources);
      expect(checks.report.summary.passed).toBeGreaterThan(0);
    });

    test('no failed check that is not accepted', () => {
      expect(compare(checks.findings, CHECKOV_ACCEPTED, templates).unaccepted).toEqual([]);
    });

    test('every accepted failed check still fails: the list is not stale', () => {
      const { stale, anywhereStale, unknownResources } = compare(checks.findings, CHECKOV_ACCEPTED, templates);
      expect(stale).toEqual([]);
      expect(anywhereStale).toEqual([]);
      expect(unknownResources).toEqual([]);
    });
  });

  test('every accepted finding has a reason of its own', () => {
    for (const { reason } of [...CFN_LINT_ACCEPTED, ...CHECKOV_ACCEPTED]) {
      expect(reason.length).toBeGreaterThan(40);
    }
    const reasons = [...CFN_LINT_ACCEPTED, ...CHECKOV_ACCEPTED].map(({ reason }) => reason);
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
