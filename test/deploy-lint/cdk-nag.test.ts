import { Aspects } from 'aws-cdk-lib';
import * as nagV3 from 'cdk-nag';
import * as nagV2 from 'cdk-nag-v2';
import { buildVariant, removeVariantOutputs, VARIANT_NAMES, VariantName } from './variants';
import * as nagAcknowledgements from '../../src/nag-acknowledgements';

/**
 * cdk-nag over every variant, as users run it: cdk-nag 2 as Aspects over the app (reading the
 * NagSuppressions metadata, `cdk_nag`, of each resource), and cdk-nag 3's validateScope (reading
 * the Validations acknowledgements). Either way, nothing may be reported beyond the findings the
 * monitor acknowledges (src/nag-acknowledgements.ts, frozen in test/nag.test.ts).
 */

/** `path: RuleId[finding]`, the form in which cdk-nag names a finding (without `[...]` when the rule has none). */
function findingName(path: string, ruleId: string, findingId: string): string {
  return `${path}: ${ruleId}${findingId ? `[${findingId}]` : ''}`;
}

/** Collects what cdk-nag 2 reports, through its logger interface: what its annotations say, as data. */
class FindingCollector implements nagV2.INagLogger {
  /** Errors and warnings: what `cdk synth` prints (and, for errors, fails on). */
  public readonly reported: string[] = [];
  /** Findings a suppression covers. */
  public readonly suppressed: string[] = [];

  onNonCompliance(data: nagV2.NagLoggerNonComplianceData): void {
    if (data.ruleLevel !== nagV2.NagMessageLevel.INFO) {
      this.reported.push(findingName(data.resource.node.path, data.ruleId, data.findingId));
    }
  }
  onSuppressed(data: nagV2.NagLoggerSuppressedData): void {
    this.suppressed.push(findingName(data.resource.node.path, data.ruleId, data.findingId));
  }
  onError(data: nagV2.NagLoggerErrorData): void {
    this.reported.push(`${findingName(data.resource.node.path, 'CdkNagValidationFailure', data.ruleId)} (${data.errorMessage})`);
  }
  onSuppressedError(data: nagV2.NagLoggerSuppressedErrorData): void {
    this.suppressed.push(findingName(data.resource.node.path, 'CdkNagValidationFailure', data.ruleId));
  }
  onCompliance(): void {}
  onNotApplicable(): void {}
}

const V2_PACKS = {
  'AwsSolutions': (logger: nagV2.INagLogger) => new nagV2.AwsSolutionsChecks({ reports: false, additionalLoggers: [logger] }),
  'NIST 800-53 rev 5': (logger: nagV2.INagLogger) => new nagV2.NIST80053R5Checks({ reports: false, additionalLoggers: [logger] }),
};

type V2Pack = keyof typeof V2_PACKS;
const V2_PACK_NAMES = Object.keys(V2_PACKS) as V2Pack[];

/** One synthesis of a variant with both v2 packs as Aspects; what each pack reported and what was suppressed. */
function runV2(name: VariantName, options: { withoutAcknowledgements?: boolean } = {}): Record<V2Pack, FindingCollector> {
  const findings = { 'AwsSolutions': new FindingCollector(), 'NIST 800-53 rev 5': new FindingCollector() };
  const bare = options.withoutAcknowledgements
    ? jest.spyOn(nagAcknowledgements, 'acknowledgeFindings').mockImplementation(() => undefined)
    : undefined;
  const { app } = buildVariant(name, (root) => {
    for (const pack of V2_PACK_NAMES) {
      Aspects.of(root).add(V2_PACKS[pack](findings[pack]));
    }
  });
  bare?.mockRestore();
  app.synth();
  return findings;
}

afterAll(removeVariantOutputs);

describe.each(VARIANT_NAMES)('cdk-nag over the %s variant', (name) => {
  const v2 = runV2(name);
  const v2WithoutAcknowledgements = runV2(name, { withoutAcknowledgements: true });
  const v3Stack = buildVariant(name).stack;

  describe.each(V2_PACK_NAMES)('cdk-nag 2, %s (Aspects, NagSuppressions metadata)', (pack) => {
    test('no error or warning beyond the acknowledged findings', () => {
      expect(v2[pack].reported).toEqual([]);
    });

    test('the suppressions cover exactly what the pack reports without the acknowledgements', () => {
      // Not vacuous: without the acknowledgements the pack reports these, each on the resource it concerns.
      expect(v2WithoutAcknowledgements[pack].reported.length).toBeGreaterThan(0);
      expect(v2[pack].suppressed.sort()).toEqual(v2WithoutAcknowledgements[pack].reported.sort());
    });
  });

  test.each([
    ['AwsSolutions', new nagV3.AwsSolutionsChecks()],
    ['NIST 800-53 rev 5', new nagV3.NIST80053R5Checks()],
  ])('cdk-nag 3, %s (validateScope): no violation beyond the acknowledged findings', (_, pack) => {
    const report = pack.validateScope(v3Stack);
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`)).toEqual([]);
  });
});
