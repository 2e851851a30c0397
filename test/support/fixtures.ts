import * as fs from 'fs';
import * as path from 'path';

/** The real AWS payloads copied into test/fixtures (see test/fixtures/PROVENANCE.md). */
export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'aws-samples');

export function fixturePath(relative: string): string {
  return path.join(FIXTURES, relative);
}

export function fixture(relative: string): any {
  return JSON.parse(fs.readFileSync(fixturePath(relative), 'utf8'));
}

/** The configuration item inside a custom-rule invocation event. */
export function invokingEventItem(relative: string): any {
  return JSON.parse(fixture(relative).invokingEvent).configurationItem;
}

/** A synthetic configuration item in the 1.3 shape, for the branches no fixture shows. */
export function configurationItem(resourceType: string, configuration: Record<string, unknown>, extra: Record<string, unknown> = {}): any {
  return {
    configurationItemVersion: '1.3',
    awsAccountId: '123456789012',
    awsRegion: 'eu-west-1',
    configurationItemStatus: 'OK',
    resourceType,
    resourceId: `${resourceType.split('::')[2].toLowerCase()}-1`,
    tags: {},
    configuration,
    supplementaryConfiguration: {},
    ...extra,
  };
}
