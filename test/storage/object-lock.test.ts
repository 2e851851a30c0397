import { Annotations as AwsAnnotations, App, aws_s3 as s3, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ComplianceMonitor, ObjectLockOptions, RetentionOptions } from '../../src';
import { EMAILS, synth } from '../support/monitor';

/*
 * Requirement (issue "Audit evidence", section 5) → test
 *
 * | requirement                                                              | test                                                   |
 * | ------------------------------------------------------------------------ | ------------------------------------------------------ |
 * | off by default: no Object Lock property on any bucket                    | off by default                                         |
 * | GOVERNANCE / COMPLIANCE on the reports bucket only, Days = report retention | %s mode locks the reports bucket only ...          |
 * | a retention of its own, shorter than the reports'                        | a retention of its own ...                             |
 * | versioned, lifecycle unchanged (expiry, Glacier IR, noncurrent expiry)   | the locked bucket stays versioned, its lifecycle ...   |
 * | COMPLIANCE warns at synth; GOVERNANCE does not                           | COMPLIANCE is a synth warning ... / GOVERNANCE ...     |
 * | DESTROY (the default, or given) + objectLock throws naming both props    | conflicts with removalPolicy DESTROY ...               |
 * | RETAIN + objectLock synthesizes, nothing emptied                         | with RETAIN ...                                        |
 * | bad retention throws naming the prop                                     | bad retention is refused ...                           |
 */


/** A retained monitor whose reports bucket is locked as `objectLock` says. */
function locked(objectLock: ObjectLockOptions, retention: Omit<RetentionOptions, 'objectLock'> = {}) {
  return synth({ removalPolicy: RemovalPolicy.RETAIN, retention: { ...retention, objectLock } });
}

function buckets(template: Template): Array<{ id: string; properties: any }> {
  return Object.entries(template.findResources('AWS::S3::Bucket')).map(([id, resource]) => ({ id, properties: resource.Properties }));
}

function bucketId(synthesized: ReturnType<typeof synth>, bucket: s3.Bucket): string {
  return synthesized.stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
}

const complianceWarning = Match.stringLikeRegexp('retention.objectLock: COMPLIANCE mode cannot be undone');

test('off by default: no bucket has an Object Lock property', () => {
  for (const synthesized of [synth(), synth({ removalPolicy: RemovalPolicy.RETAIN })]) {
    for (const { properties } of buckets(synthesized.template)) {
      expect(properties).not.toHaveProperty('ObjectLockEnabled');
      expect(properties).not.toHaveProperty('ObjectLockConfiguration');
    }
    Annotations.fromStack(synthesized.stack).hasNoWarning('*', complianceWarning);
  }
});

test.each([s3.ObjectLockMode.GOVERNANCE, s3.ObjectLockMode.COMPLIANCE])(
  '%s mode locks the reports bucket only, for the report retention (7 years by default)', (mode) => {
    const synthesized = locked({ mode });
    const reports = bucketId(synthesized, synthesized.monitor.reportsBucket);
    const all = buckets(synthesized.template);
    expect(all).toHaveLength(3);
    for (const { id, properties } of all) {
      if (id === reports) {
        expect(properties).toMatchObject({
          ObjectLockEnabled: true,
          ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: mode, Days: 2557 } } },
        });
        expect(properties.ObjectLockConfiguration.Rule.DefaultRetention).not.toHaveProperty('Years');
      } else {
        // The Config delivery bucket is not asked for, and S3 logs to no bucket with Object Lock.
        expect(properties).not.toHaveProperty('ObjectLockEnabled');
        expect(properties).not.toHaveProperty('ObjectLockConfiguration');
      }
    }
  });

test('the lock follows retention.reports, or a retention of its own no longer than it', () => {
  const followsReports = locked({ mode: s3.ObjectLockMode.GOVERNANCE }, { reports: Duration.days(400) });
  followsReports.template.hasResourceProperties('AWS::S3::Bucket', {
    ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } } },
  });
  for (const [retention, days] of [[Duration.days(365), 365], [Duration.days(2557), 2557], [Duration.hours(48), 2]] as const) {
    locked({ mode: s3.ObjectLockMode.COMPLIANCE, retention }).template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: days } } },
    });
  }
});

test('the locked bucket stays versioned, and its lifecycle is the unlocked one\'s', () => {
  const synthesized = locked({ mode: s3.ObjectLockMode.COMPLIANCE });
  const unlocked = synth({ removalPolicy: RemovalPolicy.RETAIN });
  const reportsOf = (from: ReturnType<typeof synth>) =>
    buckets(from.template).find(({ id }) => id === bucketId(from, from.monitor.reportsBucket))!.properties;
  expect(reportsOf(synthesized).VersioningConfiguration).toEqual({ Status: 'Enabled' });
  expect(reportsOf(synthesized).LifecycleConfiguration).toEqual(reportsOf(unlocked).LifecycleConfiguration);
  expect(reportsOf(synthesized).LifecycleConfiguration.Rules).toEqual([expect.objectContaining({
    ExpirationInDays: 2557,
    NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
  })]);
});

test('the aggregator\'s grants are unchanged: S3 applies a bucket\'s default retention without s3:PutObjectRetention', () => {
  const policies = (from: ReturnType<typeof synth>) => from.template.findResources('AWS::IAM::Policy');
  const lockedPolicies = JSON.stringify(policies(locked({ mode: s3.ObjectLockMode.COMPLIANCE })));
  expect(lockedPolicies).toEqual(JSON.stringify(policies(synth({ removalPolicy: RemovalPolicy.RETAIN }))));
  expect(lockedPolicies).not.toMatch(/ObjectRetention|BypassGovernance|ObjectLegalHold/);
});

test('COMPLIANCE is a synth warning that it cannot be undone, which users can acknowledge', () => {
  const { stack } = locked({ mode: s3.ObjectLockMode.COMPLIANCE });
  expect(Annotations.fromStack(stack).findWarning('*', complianceWarning).map((warning) => [warning.id, String(warning.entry.data)])).toEqual([[
    '/Stack/Compliance',
    'retention.objectLock: COMPLIANCE mode cannot be undone. Until a report version\'s retention ends, no one, the account\'s root user included, ' +
    'can delete it or shorten its retention, and the reports bucket cannot be deleted while it holds a locked version. ' +
    'Use s3.ObjectLockMode.GOVERNANCE until the retention is settled. [ack: cdk-compliance-monitor:objectLockCompliance]',
  ]]);

  const acknowledged = locked({ mode: s3.ObjectLockMode.COMPLIANCE });
  AwsAnnotations.of(acknowledged.monitor).acknowledgeWarning('cdk-compliance-monitor:objectLockCompliance', 'SEC 17a-4: reports are kept unaltered for 7 years');
  Annotations.fromStack(acknowledged.stack).hasNoWarning('*', complianceWarning);
});

test('GOVERNANCE gives no warning', () => {
  const { stack } = locked({ mode: s3.ObjectLockMode.GOVERNANCE });
  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
});

test.each([
  [{}, 'RemovalPolicy.DESTROY (the default)'],
  [{ removalPolicy: RemovalPolicy.DESTROY }, 'RemovalPolicy.DESTROY'],
])('conflicts with removalPolicy DESTROY, naming both props and the fix (%#)', (removal, named) => {
  for (const mode of [s3.ObjectLockMode.GOVERNANCE, s3.ObjectLockMode.COMPLIANCE]) {
    expect(() => synth({ ...removal, retention: { objectLock: { mode } } })).toThrow(
      `retention.objectLock conflicts with removalPolicy ${named}: S3 deletes no locked report version before its retention ends, ` +
      'so autoDeleteObjects cannot empty the reports bucket and the stack cannot delete it. Set removalPolicy: RemovalPolicy.RETAIN, or remove retention.objectLock.');
  }
});

test('with RETAIN it synthesizes: every bucket retained, none emptied', () => {
  const { template } = locked({ mode: s3.ObjectLockMode.GOVERNANCE });
  for (const resource of Object.values(template.findResources('AWS::S3::Bucket'))) {
    expect(resource.DeletionPolicy).toBe('Retain');
  }
  template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
});

test.each([
  [{ retention: Duration.hours(36) }, {}, 'retention.objectLock.retention is 1 day 12 hours: S3 sets an Object Lock default retention in whole days; use a whole number of days, at least one.'],
  [{ retention: Duration.hours(12) }, {}, 'retention.objectLock.retention is 12 hours: S3 sets an Object Lock default retention in whole days; use a whole number of days, at least one.'],
  [{ retention: Duration.days(0) }, {}, 'retention.objectLock.retention is 0 days: S3 sets an Object Lock default retention in whole days; use a whole number of days, at least one.'],
  [{}, { reports: Duration.hours(36) }, 'retention.reports is 1 day 12 hours: S3 sets an Object Lock default retention in whole days; use a whole number of days, at least one.'],
  [{ retention: Duration.days(3653) }, {}, 'retention.objectLock.retention (3653 days) must not be longer than retention.reports (2557 days): the lifecycle expires reports after ' +
    'retention.reports, and a version still locked then stays stored and billed, hidden behind a delete marker, until its lock ends. ' +
    'Shorten retention.objectLock.retention, or raise retention.reports.'],
  [{ retention: Duration.days(400) }, { reports: Duration.days(365) }, /^retention.objectLock.retention \(400 days\) must not be longer than retention.reports \(365 days\)/],
  [{}, { reports: Duration.days(36501) }, 'retention.reports is 36501 days: an Object Lock default retention is at most 36500 days (100 years) in aws-cdk-lib; ' +
    'give retention.objectLock.retention of at most 36500 days.'],
  [{ mode: 'governance' as s3.ObjectLockMode }, {}, 'retention.objectLock.mode is governance: use s3.ObjectLockMode.GOVERNANCE or s3.ObjectLockMode.COMPLIANCE.'],
])('bad retention is refused at synth, naming the prop (%#)', (lock, retention, message) => {
  expect(() => locked({ mode: s3.ObjectLockMode.GOVERNANCE, ...lock }, retention)).toThrow(message);
});

test('a retention that is a token is refused at synth, naming the prop', () => {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const days = new CfnParameter(stack, 'LockDays', { type: 'Number' }).valueAsNumber;
  expect(() => new ComplianceMonitor(stack, 'Compliance', {
    environmentSuffix: 'test',
    alertEmails: EMAILS,
    removalPolicy: RemovalPolicy.RETAIN,
    retention: { objectLock: { mode: s3.ObjectLockMode.GOVERNANCE, retention: Duration.days(days) } },
  })).toThrow('retention.objectLock.retention is a token: S3 Object Lock\'s default retention is written into the template; give a literal Duration, e.g. Duration.days(2557).');
});
