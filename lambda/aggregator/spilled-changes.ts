import { once } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChangesSink, ReportedFinding } from '../../src/core/report/changes-since';
import { HTML_ROW_LIMIT } from '../../src/core/report/html';
import { CHANGE_LIST_CLOSE, jsonReport } from '../../src/core/report/json';
import { detached } from '../../src/core/report/report';

/** The files of a run's directory, one per list. */
export const SPILL_FILES = { newlyNonCompliant: 'newly-non-compliant.json', newlyFixed: 'newly-fixed.json' } as const;

/** Where a list's text goes: the report's JSON uploads. */
export type JsonSink = (bytes: Buffer) => Promise<void>;

/**
 * One list of changes, written to a file as its findings come, as the JSON report renders them: it
 * can hold as many as the evaluations, and the report's tail, where it goes, is written last. Memory
 * keeps the first {@link HTML_ROW_LIMIT}, which the HTML page shows, and the count.
 */
class SpilledList {
  private readonly file: fs.WriteStream;
  private count = 0;
  private failure: Error | undefined;
  /** The first findings, their strings copied out of the pages they were read from. */
  readonly head: ReportedFinding[] = [];

  constructor(private readonly fileName: string) {
    this.file = fs.createWriteStream(fileName);
    // Kept, and thrown at the next wait: an error event without a listener would end the process.
    this.file.on('error', (error) => (this.failure ??= error));
  }

  get total(): number {
    return this.count;
  }

  add(finding: ReportedFinding): void {
    this.file.write(jsonReport.changedFinding(finding, this.count === 0));
    this.count++;
    if (this.head.length < HTML_ROW_LIMIT) {
      const { configRuleName, resourceType, resourceId } = finding;
      this.head.push({ configRuleName: detached(configRuleName), resourceType: detached(resourceType), resourceId: detached(resourceId) });
    }
  }

  /** Waits while the file's buffer is full: what is spilled does not wait in memory. */
  async drained(): Promise<void> {
    this.throwFailure();
    if (this.file.writableNeedDrain) {
      await once(this.file, 'drain');
    }
  }

  /** Closes the file and writes the list to the sink, `[...]` or `[]`. */
  async writeTo(sink: JsonSink): Promise<void> {
    this.throwFailure();
    await new Promise<void>((resolve, reject) => this.file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (this.count === 0) {
      await sink(Buffer.from('[]'));
      return;
    }
    await sink(Buffer.from('['));
    for await (const chunk of fs.createReadStream(this.fileName)) {
      await sink(chunk as Buffer);
    }
    await sink(Buffer.from(CHANGE_LIST_CLOSE));
  }

  close(): void {
    this.file.destroy();
  }

  private throwFailure(): void {
    if (this.failure) {
      throw this.failure;
    }
  }
}

/**
 * The changes since the previous report, spilled to the function's temporary storage as a merge
 * finds them, then written into the report's tail. A run's files are removed when it ends, even
 * when it fails, since a warm container keeps its temporary storage.
 */
export class SpilledChanges implements ChangesSink {
  private readonly nonCompliant: SpilledList;
  private readonly fixed: SpilledList;

  /** `directory`: the run's own, removed with its files; by default a new one in the temporary storage. */
  constructor(private readonly directory = fs.mkdtempSync(path.join(os.tmpdir(), 'report-changes-'))) {
    this.nonCompliant = new SpilledList(path.join(directory, SPILL_FILES.newlyNonCompliant));
    this.fixed = new SpilledList(path.join(directory, SPILL_FILES.newlyFixed));
  }

  newlyNonCompliant(finding: ReportedFinding): void {
    this.nonCompliant.add(finding);
  }

  newlyFixed(finding: ReportedFinding): void {
    this.fixed.add(finding);
  }

  async drained(): Promise<void> {
    await Promise.all([this.nonCompliant.drained(), this.fixed.drained()]);
  }

  /** The first findings of each list, as the HTML shows them. */
  heads(): { newly_non_compliant: ReportedFinding[]; newly_fixed: ReportedFinding[] } {
    return { newly_non_compliant: this.nonCompliant.head, newly_fixed: this.fixed.head };
  }

  totals(): { newlyNonCompliant: number; newlyFixed: number } {
    return { newlyNonCompliant: this.nonCompliant.total, newlyFixed: this.fixed.total };
  }

  /** Writes the tail around the two lists: `around` as {@link jsonReport.tailAroundChanges} cuts it. */
  async writeTail(around: readonly [string, string, string], sink: JsonSink): Promise<void> {
    await sink(Buffer.from(around[0]));
    await this.nonCompliant.writeTo(sink);
    await sink(Buffer.from(around[1]));
    await this.fixed.writeTo(sink);
    await sink(Buffer.from(around[2]));
  }

  remove(): void {
    this.nonCompliant.close();
    this.fixed.close();
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}
