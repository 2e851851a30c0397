/**
 * Builds `samples/config-snapshot.json`, the sample the demo evaluates: the real configuration items
 * of test/fixtures (AWS's documented snapshot, the RDK's example items, a Config rule event's
 * bucket), unchanged, gathered into one Config snapshot file. `npm test` checks that the committed
 * sample is what this script writes.
 */
import * as fs from 'fs';
import * as path from 'path';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'aws-samples');
export const SAMPLE_SNAPSHOT = path.join(__dirname, '..', 'samples', 'config-snapshot.json');

function read(relative: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, relative), 'utf8'));
}

/** The sample snapshot, as text. */
export function sampleSnapshot(): string {
  const items = [
    ...read('snapshot/awsdocs-config-snapshot-example.json').configurationItems,
    ...['AWS_EC2_Instance', 'AWS_EC2_SecurityGroup', 'AWS_EC2_Volume', 'AWS_RDS_DBInstance', 'AWS_S3_Bucket']
      .map((type) => read(`configuration-items/rdk-example-${type}.json`)),
    read('configuration-items/hanegraaff-s3-bucket-sse-invokingEvent.json').configurationItem,
  ];
  return `${JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'sample-built-from-test-fixtures', configurationItems: items }, null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SAMPLE_SNAPSHOT), { recursive: true });
  fs.writeFileSync(SAMPLE_SNAPSHOT, sampleSnapshot());
  console.log(`wrote ${path.relative(process.cwd(), SAMPLE_SNAPSHOT)}`);
}
