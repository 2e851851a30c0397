import { BUILT_IN_FRAMEWORKS, builtInControls, BuiltInFrameworkId, isBuiltInFrameworkId } from '../core/frameworks';
import { RULE_CATALOG } from '../core/rules/catalog';

/** Options of `Framework.custom`: an organisation's own control catalogue. */
export interface CustomFrameworkOptions {
  /**
   * The framework's id in reports and in the CLI's `--framework`: a letter, then letters, digits,
   * `_` or `-` (at most 64), e.g. `ACME_SECURITY`. Not a built-in framework's id.
   */
  readonly id: string;
  /** The framework's name in reports, e.g. `Acme security standard`. */
  readonly name: string;
  /**
   * The version of the catalogue, shown beside its name.
   * @default - none
   */
  readonly version?: string;
  /**
   * The catalogue's controls of each built-in rule, by rule name, e.g.
   * `{ 'restricted-ssh': ['NET-01'], 'encrypted-volumes': ['DATA-03'] }`. Custom and managed rules
   * take theirs with their own `controls` option.
   * @default - none: the rules' `controls` options give them
   */
  readonly controls?: { [ruleName: string]: string[] };
}

const CUSTOM_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The problems of a catalogue's controls, each naming the rule. */
function catalogueProblems(controls: { [ruleName: string]: string[] }): string[] {
  return Object.entries(controls).flatMap(([ruleName, ids]) => {
    if (!RULE_CATALOG.has(ruleName)) {
      return [`"${ruleName}" is not a built-in rule (give a custom or managed rule its controls with the rule's own controls option)`];
    }
    return controlProblems(ids).map((problem) => `"${ruleName}": ${problem}`);
  });
}

/** What is wrong with a list of control ids: empty, blank or repeated ids. */
export function controlProblems(ids: readonly string[]): string[] {
  if (ids.length === 0) {
    return ['no control id (leave the rule out instead)'];
  }
  const blank = ids.filter((id) => id.trim() === '');
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  return [
    ...(blank.length > 0 ? ['a control id is blank'] : []),
    ...(repeated.length > 0 ? [`${[...new Set(repeated)].join(', ')} given twice`] : []),
  ];
}

/**
 * A compliance framework that rules map to: reports show, per framework, each control with its
 * rules and its status. The built-in frameworks map every built-in rule that a cited source maps
 * (AWS's conformance packs, Security Hub's control reference; `docs/FRAMEWORKS.md` lists them);
 * `Framework.custom` takes an organisation's own catalogue.
 *
 * @example
 * const rules = RuleSet.forFramework(Framework.PCI_DSS_4);
 */
export class Framework {
  /** SOC 2: the AICPA Trust Services Criteria (2017, revised points of focus 2022), e.g. `CC6.1`. */
  public static readonly SOC2: Framework = Framework.builtIn('SOC2');
  /** PCI DSS 4.0.1 requirements, e.g. `1.3.1`. */
  public static readonly PCI_DSS_4: Framework = Framework.builtIn('PCI_DSS_4');
  /** NIST SP 800-53 Revision 5 controls, e.g. `SC-8(1)`. */
  public static readonly NIST_800_53_R5: Framework = Framework.builtIn('NIST_800_53_R5');
  /** The CIS AWS Foundations Benchmark (the version its sources map; `version` names it), e.g. `2.1.1`. */
  public static readonly CIS_AWS: Framework = Framework.builtIn('CIS_AWS');
  /** AWS Security Hub's Foundational Security Best Practices: its control ids, e.g. `S3.5`. */
  public static readonly AWS_FSBP: Framework = Framework.builtIn('AWS_FSBP');

  /** The built-in frameworks, in the order reports show them. */
  public static builtInFrameworks(): Framework[] {
    return [Framework.SOC2, Framework.PCI_DSS_4, Framework.NIST_800_53_R5, Framework.CIS_AWS, Framework.AWS_FSBP];
  }

  /** An organisation's own control catalogue. */
  public static custom(options: CustomFrameworkOptions): Framework {
    if (!CUSTOM_ID.test(options.id) || isBuiltInFrameworkId(options.id)) {
      throw new Error(`Framework.custom: id "${options.id}" must be a letter, then letters, digits, _ or - (at most 64), ` +
        `and not a built-in framework's id (${[...BUILT_IN_FRAMEWORKS.keys()].join(', ')}).`);
    }
    if (options.name.trim() === '') {
      throw new Error(`Framework.custom: framework "${options.id}" needs a name, shown in reports.`);
    }
    const problems = catalogueProblems(options.controls ?? {});
    if (problems.length > 0) {
      throw new Error(`Framework.custom: controls of framework "${options.id}": ${problems.join('; ')}.`);
    }
    return new Framework(options.id, options.name, options.version, undefined, options.controls ?? {});
  }

  private static builtIn(id: BuiltInFrameworkId): Framework {
    const definition = BUILT_IN_FRAMEWORKS.get(id)!;
    return new Framework(id, definition.name, definition.version, id, {});
  }

  /** The framework's id, e.g. `PCI_DSS_4`. */
  public readonly id: string;
  /** Its name in reports, e.g. `PCI DSS`. */
  public readonly name: string;
  /** The version its mappings are for; undefined for a custom catalogue without one. */
  public readonly version?: string;
  /** Whether the library maps its built-in rules to this framework's controls. */
  public readonly isBuiltIn: boolean;

  private constructor(id: string, name: string, version: string | undefined, private readonly builtInId: BuiltInFrameworkId | undefined,
    private readonly catalogue: { [ruleName: string]: string[] }) {
    this.id = id;
    this.name = name;
    this.version = version;
    this.isBuiltIn = builtInId !== undefined;
  }

  /** The built-in rules this framework maps to controls, in catalog order. */
  public get mappedRuleNames(): string[] {
    return [...RULE_CATALOG.keys()].filter((ruleName) => this.controlsOf(ruleName).length > 0);
  }

  /** The framework's controls of a built-in rule: the library's mapping, or the custom catalogue's; none for other rules. */
  public controlsOf(ruleName: string): string[] {
    return this.builtInId ? builtInControls(ruleName, this.builtInId) : [...(this.catalogue[ruleName] ?? [])];
  }
}
