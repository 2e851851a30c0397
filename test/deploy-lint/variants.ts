import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, aws_kms as kms, aws_s3 as s3, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ComplianceMonitor, ComplianceMonitorProps, ComplianceRule, Evaluator, RemediationMode, RuleSet } from '../../src';
import { RULE_CATALOG } from '../../src/core/rules/catalog';
import { REMEDIATION_FIXES } from '../../src/core/rules/remediation-catalog';
import { MAX_ENVIRONMENT_SUFFIX_LENGTH } from '../../src/naming';
import { REQUIRED_PARAMETERS } from '../support/required-parameters';

/** Every built-in rule, evaluated by the monitor's engine, each fix opted in where the rule has one. */
function everyRuleInTheEngine(): RuleSet {
  return RuleSet.of(...[...RULE_CATALOG.keys()].map((ruleName) => ComplianceRule.builtIn(ruleName, {
    evaluator: Evaluator.ENGINE,
    parameters: REQUIRED_PARAMETERS[ruleName],
    autoRemediate: REMEDIATION_FIXES.has(ruleName),
  })));
}

/** What a variant adds to the monitor's props; it may create resources of its own in the stack. */
type VariantProps = (stack: Stack) => Partial<ComplianceMonitorProps>;

/**
 * Every kind of template the library produces: the defaults, and each prop that adds, removes or
 * changes resources. The linters run over all of them.
 */
export const VARIANTS: Readonly<Record<string, VariantProps>> = {
  'recommended': () => ({}),
  'existing-recorder': () => ({ recorder: { useExisting: true } }),
  'engine-apply-all-fixes': () => ({ rules: everyRuleInTheEngine(), remediation: RemediationMode.APPLY }),
  'retain': () => ({ removalPolicy: RemovalPolicy.RETAIN }),
  'object-lock-compliance': () => ({ removalPolicy: RemovalPolicy.RETAIN, retention: { objectLock: { mode: s3.ObjectLockMode.COMPLIANCE } } }),
  'excluded-resource-types': () => ({ recorder: { excludedResourceTypes: ['AWS::EC2::Volume', 'AWS::RDS::DBInstance'] } }),
  'customer-key': (stack) => ({
    encryptionKey: new kms.Key(stack, 'CustomerKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY }),
  }),
  'longest-suffix': () => ({ environmentSuffix: 'x'.repeat(MAX_ENVIRONMENT_SUFFIX_LENGTH) }),
};

export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

/** Where the monitor sits in every variant's stack. */
export const MONITOR_PATH = 'Stack/Compliance';

/** The cloud assembly directories of the variants built so far, removed by `removeVariantOutputs`. */
const OUTDIRS: string[] = [];

export function removeVariantOutputs(): void {
  for (const dir of OUTDIRS.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SynthesizedVariant {
  readonly name: VariantName;
  readonly app: App;
  readonly stack: Stack;
  readonly monitor: ComplianceMonitor;
}

/** A variant's app, stack and monitor, before synthesis: `prepare` may add aspects to the app. */
export function buildVariant(name: VariantName, prepare: (app: App) => void = () => undefined): SynthesizedVariant {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `deploy-lint-${name}-`));
  OUTDIRS.push(outdir);
  const app = new App({ outdir });
  prepare(app);
  const stack = new Stack(app, 'Stack');
  const monitor = new ComplianceMonitor(stack, 'Compliance', {
    environmentSuffix: 'test',
    alertEmails: ['secops@example.com'],
    ...VARIANTS[name](stack),
  });
  return { name, app, stack, monitor };
}

/**
 * Synthesizes every variant and writes each template as `{dir}/{variant}.template.json`, the
 * files the linters read; returns their paths by variant.
 */
export function writeVariantTemplates(dir: string): Record<VariantName, string> {
  const files = {} as Record<VariantName, string>;
  for (const name of VARIANT_NAMES) {
    const { app } = buildVariant(name);
    const assembly = app.synth();
    files[name] = path.join(dir, `${name}.template.json`);
    fs.copyFileSync(assembly.getStackByName('Stack').templateFullPath, files[name]);
  }
  removeVariantOutputs();
  return files;
}
