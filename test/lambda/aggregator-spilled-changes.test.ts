import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SPILL_FILES, SpilledChanges } from '../../lambda/aggregator/spilled-changes';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'aggregator-spilled-'));
process.env.TMPDIR = TMP;
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const finding = (resourceId: string) => ({ configRuleName: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId });

describe('the changes spilled to temporary storage', () => {
  test('each list is written whole into the tail, counted, its first 1,000 kept for the page, and the files removed', async () => {
    const spilled = new SpilledChanges();
    for (let i = 0; i < 1500; i++) {
      spilled.newlyNonCompliant(finding(`sg-${i}`));
    }
    await spilled.drained();
    const written: Buffer[] = [];
    await spilled.writeTail(['{"a": ', ', "b": ', '}'], async (bytes) => {
      written.push(bytes);
    });
    spilled.remove();

    const document = JSON.parse(Buffer.concat(written).toString());
    expect(document.a).toHaveLength(1500);
    expect(document.a[1499]).toEqual(finding('sg-1499'));
    expect(document.b).toEqual([]);
    expect(spilled.totals()).toEqual({ newlyNonCompliant: 1500, newlyFixed: 0 });
    expect(spilled.heads().newly_non_compliant).toHaveLength(1000);
    expect(fs.readdirSync(TMP)).toEqual([]);
  });

  test('a file that cannot be written fails the run at the next wait, instead of ending the process', async () => {
    // A folder where a file should be: its open fails, as on a full or missing /tmp.
    const directory = fs.mkdtempSync(path.join(TMP, 'run-'));
    fs.mkdirSync(path.join(directory, SPILL_FILES.newlyFixed));
    const spilled = new SpilledChanges(directory);
    spilled.newlyFixed(finding('sg-1'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    await expect(spilled.drained()).rejects.toThrow(/EISDIR/);
    await expect(spilled.writeTail(['', '', ''], async () => undefined)).rejects.toThrow(/EISDIR/);
    spilled.remove();
    expect(fs.readdirSync(TMP)).toEqual([]);
  });
});
