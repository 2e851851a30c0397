import { managedRulePageUrl, RULE_CATALOG } from '../../src/core/rules/catalog';

/**
 * The catalog's guidance for audit reports: what each built-in rule checks, how to comply, and AWS's
 * page of the managed rule.
 */

const RULES = [...RULE_CATALOG.values()];
/** The sentence a remediation ends with when the rule has a fix, and only then. */
const AUTO_REMEDIATION = "The monitor's remediator can do this (autoRemediate).";
const DESCRIPTION_MAX = 140;
const REMEDIATION_MAX = 280;
/** Words about repairing: a description says what is checked, not what is done about it. */
const REPAIR_WORDS = /autoRemediate|remediat|\bfix/i;

/** The sentences of a text: each ends with a period followed by a space or the end (not "0.0.0.0/0" or "t2.small"). */
function sentences(text: string): string[] {
  return text.split(/(?<=\.)\s+/);
}

/** The remediation without the auto-remediation sentence, when it ends with it. */
function manualPart(remediation: string): string {
  return remediation.endsWith(` ${AUTO_REMEDIATION}`) ? remediation.slice(0, -AUTO_REMEDIATION.length - 1) : remediation;
}

/**
 * AWS's pages of the built-in rules, each checked in the AWS Config Developer Guide (the page's
 * title and Identifier line): an address per rule, named as the rule.
 */
const VERIFIED_PAGES = [
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-server-side-encryption-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-default-encryption-kms.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-versioning-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/db-instance-backup-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/ec2-imdsv2-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/desired-instance-type.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-level-public-access-prohibited.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-ssl-requests-only.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-logging-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-replication-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-instance-public-access-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-multi-az-support.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-instance-deletion-protection-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-automatic-minor-version-upgrade-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-enhanced-monitoring-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-snapshots-public-prohibited.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-snapshot-encrypted.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/rds-instance-iam-authentication-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-no-public-ip.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-profile-attached.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/vpc-default-security-group-closed.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/ec2-volume-inuse-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/subnet-auto-assign-public-ip-disabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/iam-user-no-policies-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-admin-access.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/iam-no-inline-policy-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/iam-user-group-membership-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/dynamodb-pitr-enabled.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/dynamodb-table-encrypted-kms.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-settings-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/sns-encrypted-kms.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/secretsmanager-rotation-enabled-check.html',
  'https://docs.aws.amazon.com/config/latest/developerguide/elb-logging-enabled.html',
];

describe('rule guidance', () => {
  test('the catalog has the 40 built-in rules', () => {
    expect(RULES).toHaveLength(40);
  });

  describe.each(RULES.map((rule) => [rule.ruleName, rule] as const))('%s', (_, rule) => {
    test.each([
      ['description', rule.description, DESCRIPTION_MAX],
      ['remediation', rule.remediation, REMEDIATION_MAX],
    ])('its %s is one trimmed line within limits, ending with a period', (__, text, max) => {
      expect(typeof text).toBe('string');
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(20);
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text).not.toMatch(/[\r\n\t]|\s{2}/);
      expect(text).toMatch(/^[A-Z].*[^.]\.$/);
    });

    test('its description is one sentence about what is checked, not about repairs', () => {
      expect(sentences(rule.description)).toHaveLength(1);
      expect(rule.description).not.toMatch(REPAIR_WORDS);
    });

    test('its remediation is one or two sentences of what to change', () => {
      const manual = manualPart(rule.remediation);
      expect(sentences(manual).length).toBeGreaterThanOrEqual(1);
      expect(sentences(manual).length).toBeLessThanOrEqual(2);
      expect(manual).not.toMatch(REPAIR_WORDS);
    });

    if (rule.fix) {
      test(`its remediation ends by naming the remediator's fix (${rule.fix})`, () => {
        expect(rule.remediation.endsWith(` ${AUTO_REMEDIATION}`)).toBe(true);
        expect(rule.remediation.split(AUTO_REMEDIATION)).toHaveLength(2);
      });
    } else {
      test('its remediation says nothing of the remediator, which has no fix for it', () => {
        expect(rule.remediation).not.toMatch(/autoRemediate|remediator/i);
      });
    }

    test("its page is AWS's page of the managed rule", () => {
      const url = new URL(managedRulePageUrl(rule.ruleName));
      expect(url.protocol).toBe('https:');
      expect(url.host).toBe('docs.aws.amazon.com');
      expect(url.pathname).toBe(`/config/latest/developerguide/${rule.ruleName}.html`);
      expect(url.search + url.hash).toBe('');
    });
  });

  test.each([
    ['description', (rule: typeof RULES[number]) => rule.description],
    ['remediation', (rule: typeof RULES[number]) => manualPart(rule.remediation)],
  ])("no rule's %s copies another's", (_, text) => {
    const texts = RULES.map((rule) => text(rule).toLowerCase());
    expect(new Set(texts).size).toBe(RULES.length);
  });

  test('the pages are the ones verified, one per rule', () => {
    const pages = RULES.map((rule) => managedRulePageUrl(rule.ruleName));
    expect([...pages].sort()).toEqual([...VERIFIED_PAGES].sort());
    expect(new Set(pages).size).toBe(RULES.length);
  });

  test('restricted-ssh and restricted-common-ports have pages named as the rules, not as their identifiers', () => {
    expect(managedRulePageUrl('restricted-ssh')).toBe('https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html');
    expect(managedRulePageUrl('restricted-common-ports')).toBe('https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html');
  });

  test('a name that is not a built-in rule has no page', () => {
    expect(() => managedRulePageUrl('no-such-rule')).toThrow('rule "no-such-rule" is not a built-in rule');
    expect(() => managedRulePageUrl('REQUIRED_TAGS')).toThrow('not a built-in rule');
  });
});
