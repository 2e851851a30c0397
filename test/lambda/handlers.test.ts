import { eventSource } from '../../lambda/observability/logger';

describe('entry points', () => {
  const SETTINGS = {
    ENVIRONMENT_SUFFIX: 'test',
    FINDINGS_TABLE: 'compliance-findings-test',
    FINDINGS_TTL_DAYS: '2557',
    REMEDIATOR_FUNCTION: 'compliance-remediator-test',
    ALERT_SEVERITY: 'HIGH',
    ALERT_DIGEST_THRESHOLD: '10',
    EXEMPTION_NOTICE_DAYS: '14',
    ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-test',
    RULES: JSON.stringify([{ configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: 'CRITICAL', evaluationMode: 'MANAGED' }]),
  };

  function loadWith(env: Record<string, string | undefined>, entryPoint = '../../lambda/analyzer'): unknown {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_REGION: 'eu-west-1' }, env);
    try {
      let loaded: unknown;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(entryPoint).handler;
      });
      return loaded;
    } finally {
      process.env = saved;
    }
  }

  test('builds its handler from the settings the construct writes', () => {
    expect(loadWith(SETTINGS)).toEqual(expect.any(Function));
  });

  test('the aggregator builds its handler from its settings, and refuses to start without them', () => {
    const settings = {
      FINDINGS_TABLE: 'compliance-findings-test',
      REPORTS_BUCKET: 'compliance-reports-test',
      CONFIG_RULE_NAMES: 'restricted-ssh-test',
      ENVIRONMENT_SUFFIX: 'test',
      REPORT_FRAMEWORKS: '{"frameworks":[{"id":"PCI_DSS_4"}]}',
    };
    expect(loadWith(settings, '../../lambda/aggregator')).toEqual(expect.any(Function));
    expect(() => loadWith({ ...settings, REPORTS_BUCKET: '' }, '../../lambda/aggregator')).toThrow('environment variable REPORTS_BUCKET is not set');
    expect(() => loadWith({ ...settings, REPORT_FRAMEWORKS: '{"frameworks":"PCI_DSS_4"}' }, '../../lambda/aggregator'))
      .toThrow('environment variable REPORT_FRAMEWORKS must be {"frameworks": [{"id": "PCI_DSS_4"}, ...]');
  });

  test('the remediator builds its handler from its settings, and refuses to start with a wrong mode', () => {
    const settings = { ...SETTINGS, REMEDIATION_MODE: 'DRY_RUN' };
    expect(loadWith(settings, '../../lambda/remediator')).toEqual(expect.any(Function));
    expect(() => loadWith({ ...settings, REMEDIATION_MODE: 'YES' }, '../../lambda/remediator'))
      .toThrow('environment variable REMEDIATION_MODE must be one of DRY_RUN, APPLY (got "YES")');
  });

  test.each([
    [{ FINDINGS_TABLE: '' }, 'environment variable FINDINGS_TABLE is not set: the function was not deployed by ComplianceMonitor'],
    [{ FINDINGS_TTL_DAYS: 'seven' }, 'environment variable FINDINGS_TTL_DAYS must be a whole number, at least 1 (got "seven")'],
    [{ ALERT_DIGEST_THRESHOLD: '0' }, 'environment variable ALERT_DIGEST_THRESHOLD must be a whole number, at least 1 (got "0")'],
    [{ ALERT_SEVERITY: 'SEVERE' }, 'environment variable ALERT_SEVERITY must be one of CRITICAL, HIGH, MEDIUM, LOW (got "SEVERE")'],
    [{ RULES: '[{' }, /environment variable RULES is not JSON/],
    [{ RULES: '[{"configRuleName":"x","severity":"SEVERE"}]' }, 'environment variable RULES must be a list of {configRuleName, ruleName, severity, evaluationMode}'],
    // A rule outside the catalog has no severity to imply: the compact form must give it.
    [{ RULES: '{"suffix":"-test","rules":[{"ruleName":"my-own-rule"}]}' }, 'or {suffix, rules} with what follows from a rule\'s name left out'],
    [{ RULES: '{"rules":[]}' }, 'environment variable RULES must be a list of'],
  ])('refuses to start with a wrong setting, naming it (%#)', (override, message) => {
    expect(() => loadWith({ ...SETTINGS, ...override })).toThrow(message);
  });
});

describe('eventSource', () => {
  test.each([
    [{ source: 'aws.config' }, 'aws.config'],
    [{ configRuleName: 'required-tags-prod', invokingEvent: '{}' }, 'aws.config rule required-tags-prod'],
    [{ source: 42 }, 'unknown'],
    [null, 'unknown'],
    ['text', 'unknown'],
  ])('%j comes from %s', (event, expected) => {
    expect(eventSource(event)).toBe(expected);
  });
});
