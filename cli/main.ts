import * as fs from 'fs';
import { version } from '../package.json';
import {
  EvaluateArguments, EXIT_ALTERED, EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED, EXIT_VERIFIED, HELP, OutputFormat,
  outputFormat, parseArguments, PERIOD_USAGE, PeriodArguments, periodOutputFormat, UsageError, VerifyArguments,
} from './arguments';
import { reportFolder } from './report-folder';
import { rulesFromDocument } from './rules-file';
import { renderText } from './text-format';
import {
  compileRule, ConfigurationItem, decodeJson, InputError, NewestItemEvaluations, OfflineRule, readConfigurationItems, RuleSpec, RuleSpecError,
} from '../src/core/engine';
import { reportFrameworks } from '../src/core/frameworks';
import { PeriodReport, PeriodResource, PeriodScope, PeriodTally, renderPeriodCsv, renderPeriodJson } from '../src/core/period';
import { ItemHistories } from '../src/core/period/item-histories';
import type { ReportFramework } from '../src/core/report/controls';
import { REPORT_FORMATS } from '../src/core/report/formats';
import { ChainVerdict, NoManifestError, verifyReportChain } from '../src/core/report/manifest-chain';
import { buildReport, ComplianceReport, ReportedRule } from '../src/core/report/report';
import { reportedRule } from '../src/core/report/scope';
import { RECOMMENDED_RULES, RULE_CATALOG } from '../src/core/rules/catalog';

export { EXIT_ALTERED, EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED, EXIT_VERIFIED } from './arguments';

/** Where the CLI reads and writes; the tests capture it. */
export interface CliOutput {
  /** What `-` reads; the process's standard input when absent. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 1 MB: few reads, and far less than the memory an evaluation takes. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** A problem with one file, reported as `FILE: what is wrong`. */
class FileError extends Error {}

/** The name of an input in messages. */
function inputName(input: string): string {
  return input === '-' ? '(standard input)' : input;
}

function cannotRead(file: string, error: unknown): FileError {
  return new FileError(`${inputName(file)}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}

/** An error of reading a file as the one line the CLI prints: what is wrong, after the file's name. */
function fileError(file: string, error: unknown): unknown {
  if (error instanceof InputError || error instanceof RuleSpecError) {
    return new FileError(`${inputName(file)}: ${error.message}`);
  }
  // Errors of the file system (ENOENT, EISDIR...) name their system call.
  return (error as NodeJS.ErrnoException).syscall !== undefined ? cannotRead(file, error) : error;
}

/** The rules to run: the recommended set with their default severities, or a rules file's. */
function loadRules(rulesFile: string | undefined): OfflineRule[] {
  const withSeverity = (spec: RuleSpec, severity?: string, exemptions: OfflineRule['exemptions'] = []): OfflineRule => {
    const rule = compileRule(spec);
    return { rule, severity: severity ?? RULE_CATALOG.get(rule.ruleName)?.defaultSeverity, exemptions, parameters: spec.parameters ?? {} };
  };
  if (rulesFile === undefined) {
    return RECOMMENDED_RULES.map((spec) => withSeverity(spec));
  }
  try {
    return rulesFromDocument(decodeJson(fs.readFileSync(rulesFile)))
      .map(({ spec, severity, exemptions }) => withSeverity(spec, severity, exemptions));
  } catch (error) {
    throw fileError(rulesFile, error);
  }
}

/** Reads one input's items, a chunk at a time. */
async function readInput(input: string, output: CliOutput, onItem: (item: ConfigurationItem) => void): Promise<void> {
  const chunks = input === '-' ? output.stdin ?? process.stdin : fs.createReadStream(input, { highWaterMark: READ_CHUNK_BYTES });
  try {
    await readConfigurationItems(chunks, onItem);
  } catch (error) {
    throw fileError(input, error);
  }
}

/** The frameworks a report shows and the rules its scope names, as the offline rules are named: by their own names. */
function reportContext(
  rules: readonly OfflineRule[], frameworkIds: readonly string[],
): { frameworks: ReportFramework[]; reportedRules: ReportedRule[] } {
  const ruleNames = rules.map(({ rule }) => ({ ruleName: rule.ruleName, configRuleName: rule.ruleName }));
  return {
    frameworks: reportFrameworks({ frameworks: frameworkIds.map((id) => ({ id })) }, ruleNames),
    reportedRules: rules.map(({ rule, severity, parameters }) => reportedRule(rule.ruleName, rule.ruleName, severity, parameters)),
  };
}

/** Writes the report to each --out file in its format, or to stdout when there is none. */
function writeOutputs(outFiles: readonly string[], output: CliOutput, rendered: (outFile: string | undefined) => string): void {
  if (outFiles.length === 0) {
    output.stdout(rendered(undefined));
  }
  for (const outFile of outFiles) {
    try {
      fs.writeFileSync(outFile, rendered(outFile));
    } catch (error) {
      throw new FileError(`${outFile}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
}

/** Says on stderr why the exit code is not 0 when nothing was judged; the report says it too, to whoever reads a terminal. */
function nothingJudged(output: CliOutput, what: string, skippedItemsByResourceType: Record<string, number>): number {
  const skipped = skippedLine(skippedItemsByResourceType);
  output.stderr(`cdk-compliance-monitor: nothing was judged (${what})${skipped ? `; ${skipped}` : ''}\n`);
  return EXIT_NOTHING_JUDGED;
}

function render(report: ComplianceReport, format: OutputFormat): string {
  return format === 'text' ? renderText(report) : REPORT_FORMATS[format].render(report);
}

/** `12 items skipped, of types no rule evaluates: AWS::IAM::Role 10, AWS::S3::Bucket 2`, or undefined when none are. */
function skippedLine(skipped: Record<string, number>): string | undefined {
  const entries = Object.entries(skipped);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) {
    return undefined;
  }
  return `${total} item${total === 1 ? '' : 's'} skipped, of types no rule evaluates: ${entries.map(([type, count]) => `${type} ${count}`).join(', ')}`;
}

async function evaluateFiles(args: EvaluateArguments, output: CliOutput): Promise<number> {
  const rules = loadRules(args.rulesFile);
  const now = new Date();
  const evaluation = new NewestItemEvaluations(rules, now);
  for (const input of args.inputs) {
    await readInput(input, output, (item) => evaluation.add(item));
  }
  const skippedItemsByResourceType = evaluation.skippedItemsByResourceType();
  const { frameworks, reportedRules } = reportContext(rules, args.frameworks);
  const scope = { libraryVersion: version, rules: reportedRules };
  const report = buildReport([...evaluation.evaluations()], now, { skippedItemsByResourceType, frameworks, scope });
  writeOutputs(args.outFiles, output, (outFile) => render(report, outputFormat(args, outFile)));
  const { summary } = report;
  if (summary.compliant + summary.non_compliant + summary.exempt === 0) {
    return nothingJudged(output, 'no resource is compliant, non-compliant or exempt', skippedItemsByResourceType);
  }
  return summary.non_compliant > 0 ? EXIT_NON_COMPLIANT : EXIT_COMPLIANT;
}

/** `period`: every version of every resource read, measured over the period, resource ids in order. */
async function periodFiles(args: PeriodArguments, output: CliOutput): Promise<number> {
  const now = new Date();
  if (args.to.getTime() > now.getTime()) {
    throw new UsageError(`--to ${args.to.toISOString()} is after now: what the resources will be is not in any history`, PERIOD_USAGE);
  }
  const rules = loadRules(args.rulesFile);
  const histories = new ItemHistories(rules);
  for (const input of args.inputs) {
    await readInput(input, output, (item) => histories.add(item));
  }
  const { frameworks, reportedRules } = reportContext(rules, args.frameworks);
  const tally = new PeriodTally({ start: args.from, end: args.to }, frameworks);
  const resources: PeriodResource[] = [];
  for (const states of histories.statesByResource()) {
    for (const resource of tally.addResource(states)) {
      resources.push(resource);
    }
  }
  const scope: PeriodScope = {
    generated_at: now.toISOString(),
    library_version: version,
    history_from: (histories.earliestCaptureTime() ?? args.from).toISOString(),
    rules: reportedRules,
  };
  const report: PeriodReport = { ...tally.overview(), scope, resources };
  writeOutputs(args.outFiles, output, (outFile) => (periodOutputFormat(args, outFile) === 'csv' ? renderPeriodCsv(report) : renderPeriodJson(report)));
  const { summary } = report;
  if (summary.resources === 0) {
    return nothingJudged(output, 'no resource was compliant, non-compliant or exempt at any time in the period', histories.skippedItemsByResourceType());
  }
  return summary.violations.open_at_start + summary.violations.opened > 0 ? EXIT_NON_COMPLIANT : EXIT_COMPLIANT;
}

/** `verify DIR`: one line on stdout when the chain holds, on stderr naming the first mismatch when not. */
async function verifyFolder(args: VerifyArguments, output: CliOutput): Promise<number> {
  let verdict: ChainVerdict;
  try {
    verdict = await verifyReportChain(reportFolder(args.folder));
  } catch (error) {
    if (error instanceof NoManifestError) {
      throw new FileError(`${args.folder}: ${error.message}; download the whole bucket: aws s3 sync s3://BUCKET ${args.folder}`);
    }
    // The file system's errors name the path they failed on: the folder, or a file in it.
    const failed = error as NodeJS.ErrnoException;
    throw failed.syscall === undefined ? error : cannotRead(failed.path ?? args.folder, error);
  }
  if (!verdict.intact) {
    output.stderr(`cdk-compliance-monitor: ${verdict.mismatch}\n`);
    return EXIT_ALTERED;
  }
  const { manifests, files, newest, unlisted } = verdict;
  const unlistedPart = unlisted.length === 0 ? '' : `; ${unlisted.length} file${unlisted.length === 1 ? '' : 's'} in no manifest (first ${unlisted[0]})`;
  output.stdout(`verified ${manifests} manifest${manifests === 1 ? '' : 's'} and ${files} file${files === 1 ? '' : 's'}; ` +
    `newest ${newest.key} sha256 ${newest.sha256}${unlistedPart}\n`);
  return EXIT_VERIFIED;
}

/** `cdk-compliance-monitor evaluate|period|verify ...`: resolves to the exit code; bad input is one line on stderr. */
export async function main(argv: readonly string[], output: CliOutput): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.stdout(HELP);
    return EXIT_COMPLIANT;
  }
  if (argv.includes('--version')) {
    output.stdout(`${version}\n`);
    return EXIT_COMPLIANT;
  }
  try {
    const args = parseArguments(argv);
    if (args.command === 'verify') {
      return await verifyFolder(args, output);
    }
    return await (args.command === 'period' ? periodFiles(args, output) : evaluateFiles(args, output));
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`cdk-compliance-monitor: ${error.message} (${error.usage})\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof FileError) {
      output.stderr(`cdk-compliance-monitor: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
