import * as fs from 'fs';
import { EvaluateArguments, OutputFormat, outputFormat, parseArguments, UsageError, USAGE } from './arguments';
import { rulesFromDocument } from './rules-file';
import { renderText } from './text-format';
import { compileRule, CompiledRule, decodeJson, evaluateItems, extractConfigurationItems, InputError, RuleSpecError } from '../src/core/engine';
import { REPORT_FORMATS } from '../src/core/report/formats';
import { buildReport, ComplianceReport } from '../src/core/report/report';
import { RECOMMENDED_RULES, RULE_CATALOG } from '../src/core/rules/catalog';

/** Exit codes: all compliant, something non-compliant, bad input or usage. */
export const EXIT_COMPLIANT = 0;
export const EXIT_NON_COMPLIANT = 1;
export const EXIT_BAD_INPUT = 2;

/** Where the CLI writes; the tests capture it. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A problem with one file, reported as `FILE: what is wrong`. */
class FileError extends Error {}

function readJson(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new FileError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return decodeJson(bytes);
  } catch (error) {
    throw new FileError(`${file}: ${(error as Error).message}`);
  }
}

/** Runs a function over one file's content, prefixing an input problem with the file's name. */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError || error instanceof RuleSpecError) {
      throw new FileError(`${file}: ${error.message}`);
    }
    throw error;
  }
}

function loadRules(rulesFile: string | undefined): CompiledRule[] {
  if (rulesFile === undefined) {
    return RECOMMENDED_RULES.map(compileRule);
  }
  const document = readJson(rulesFile);
  return inFile(rulesFile, () => rulesFromDocument(document).map(compileRule));
}

function render(report: ComplianceReport, format: OutputFormat): string {
  return format === 'text' ? renderText(report) : REPORT_FORMATS[format].render(report);
}

function evaluateFiles(args: EvaluateArguments, output: CliOutput): number {
  const rules = loadRules(args.rulesFile);
  // One file at a time, each item evaluated as it is read; flatMap joins lists of any length (a
  // spread into push overflows the stack past about 120,000 items).
  const evaluations = args.inputs
    .flatMap((input) => {
      const document = readJson(input);
      return inFile(input, () => evaluateItems(extractConfigurationItems(document), rules));
    })
    // Built-in rules carry their default severity, as the monitor deploys them.
    .map((evaluation) => ({ ...evaluation, severity: RULE_CATALOG.get(evaluation.configRuleName)?.defaultSeverity }));
  const report = buildReport(evaluations, new Date());
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
  return report.summary.non_compliant > 0 ? EXIT_NON_COMPLIANT : EXIT_COMPLIANT;
}

/** `cdk-compliance-monitor evaluate ...`: returns the exit code; bad input is one line on stderr. */
export function main(argv: readonly string[], output: CliOutput): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.stdout(`${USAGE}\n`);
    return EXIT_COMPLIANT;
  }
  try {
    return evaluateFiles(parseArguments(argv), output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`cdk-compliance-monitor: ${error.message} (${USAGE})\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof FileError) {
      output.stderr(`cdk-compliance-monitor: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
