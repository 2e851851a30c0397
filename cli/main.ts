import * as fs from 'fs';
import { version } from '../package.json';
import {
  EvaluateArguments, EXIT_ALTERED, EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED, EXIT_VERIFIED, HELP, OutputFormat,
  outputFormat, parseArguments, UsageError, VerifyArguments,
} from './arguments';
import { reportFolder } from './report-folder';
import { rulesFromDocument } from './rules-file';
import { renderText } from './text-format';
import { compileRule, decodeJson, InputError, NewestItemEvaluations, OfflineRule, readConfigurationItems, RuleSpec, RuleSpecError } from '../src/core/engine';
import { reportFrameworks } from '../src/core/frameworks';
import { REPORT_FORMATS } from '../src/core/report/formats';
import { ChainVerdict, NoManifestError, verifyReportChain } from '../src/core/report/manifest-chain';
import { buildReport, ComplianceReport } from '../src/core/report/report';
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

/** Reads one input into the evaluation, a chunk at a time. */
async function readInput(input: string, output: CliOutput, evaluation: NewestItemEvaluations): Promise<void> {
  const chunks = input === '-' ? output.stdin ?? process.stdin : fs.createReadStream(input, { highWaterMark: READ_CHUNK_BYTES });
  try {
    await readConfigurationItems(chunks, (item) => evaluation.add(item));
  } catch (error) {
    throw fileError(input, error);
  }
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
    await readInput(input, output, evaluation);
  }
  const skippedItemsByResourceType = evaluation.skippedItemsByResourceType();
  // The rules as evaluations name them offline: by their own names.
  const ruleNames = rules.map(({ rule }) => ({ ruleName: rule.ruleName, configRuleName: rule.ruleName }));
  const frameworks = reportFrameworks({ frameworks: args.frameworks.map((id) => ({ id })) }, ruleNames);
  const scope = {
    libraryVersion: version, rules: rules.map(({ rule, severity, parameters }) => reportedRule(rule.ruleName, rule.ruleName, severity, parameters)),
  };
  const report = buildReport([...evaluation.evaluations()], now, { skippedItemsByResourceType, frameworks, scope });
  if (args.outFiles.length === 0) {
    output.stdout(render(report, outputFormat(args, undefined)));
  }
  for (const outFile of args.outFiles) {
    try {
      fs.writeFileSync(outFile, render(report, outputFormat(args, outFile)));
    } catch (error) {
      throw new FileError(`${outFile}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const { summary } = report;
  if (summary.compliant + summary.non_compliant + summary.exempt === 0) {
    // The report says it too; standard error says why the exit code is not 0, to whoever reads a terminal.
    const skipped = skippedLine(skippedItemsByResourceType);
    output.stderr(`cdk-compliance-monitor: nothing was judged (no resource is compliant, non-compliant or exempt)${skipped ? `; ${skipped}` : ''}\n`);
    return EXIT_NOTHING_JUDGED;
  }
  return summary.non_compliant > 0 ? EXIT_NON_COMPLIANT : EXIT_COMPLIANT;
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

/** `cdk-compliance-monitor evaluate|verify ...`: resolves to the exit code; bad input is one line on stderr. */
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
    return await (args.command === 'verify' ? verifyFolder(args, output) : evaluateFiles(args, output));
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
