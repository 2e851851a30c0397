import { once } from 'events';
import { PassThrough, Readable } from 'stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { previousViolations, PreviousReportFigures } from './previous-report';
import { PERIOD_FORMATS } from '../../src/core/period';
import { ReportedFinding } from '../../src/core/report/changes-since';
import { REPORT_FORMATS } from '../../src/core/report/formats';
import { buildManifest, ManifestError, manifestLink, ManifestLink, ManifestObject, ObjectDigest, parseManifest, serializeManifest } from '../../src/core/report/manifest';
import { LATEST_HTML_KEY, LATEST_MANIFEST_KEY, LATEST_REPORT_KEY, MANIFEST_EXTENSION, reportKey } from '../../src/core/storage/report-layout';
import { isAwsError } from '../runtime/aws-errors';

/** S3's smallest part but the last: each upload holds a part being filled and at most {@link PARTS_IN_FLIGHT} being sent. */
export const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;

/**
 * One object written as it is produced: a multipart upload (a single PUT when it stays under one
 * part) fed through a stream, encrypted with the bucket's KMS key. S3 shows the object only once
 * it is complete. A write waits while the parts are sent: memory stays a few parts. Each stretch
 * is hashed as it goes in, so the manifest needs no read back.
 */
class StreamedObject {
  private readonly body = new PassThrough();
  private readonly digest = new ObjectDigest();
  private readonly upload: Upload;
  private readonly done: Promise<unknown>;

  constructor(s3: S3Client, bucket: string, private readonly key: string, contentType: string) {
    this.upload = new Upload({
      client: s3,
      params: { Bucket: bucket, Key: key, Body: this.body, ContentType: contentType, ServerSideEncryption: 'aws:kms' },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
    });
    this.done = this.upload.done();
    // A failed upload reads no more: the writer waiting for it to drain gets its error.
    this.done.catch((error) => this.body.destroy(error));
  }

  async write(bytes: string | Buffer): Promise<void> {
    this.digest.update(bytes);
    if (!this.body.write(bytes)) {
      await once(this.body, 'drain');
    }
  }

  /** Writes the last stretch and completes the upload: the object as the manifest lists it. */
  async end(text: string): Promise<ManifestObject> {
    this.digest.update(text);
    this.body.end(text);
    await this.done;
    return this.digest.of(this.key);
  }

  /** Stops the upload; S3 keeps no part of it. */
  async abort(): Promise<void> {
    await this.upload.abort();
    await this.done.catch(() => undefined);
  }
}

/** What a run wrote: its dated JSON report, and the link the next manifest records to its manifest. */
export interface WrittenReport {
  readonly reportKey: string;
  readonly manifest: ManifestLink;
}

/**
 * A report being written: its JSON (dated and as the latest) and CSV streamed as the evaluations
 * come, its HTML put at the end, then its manifest. The latest JSON completes after every other
 * rendering, so that the next report compares with a report whose renderings are all written; the
 * manifest after every object it lists, so that a failed run writes none and leaves the latest
 * manifest, which the next run links to, as it was.
 */
export class ReportWriter {
  private readonly json: StreamedObject;
  private readonly latestJson: StreamedObject;
  private readonly csv: StreamedObject;

  constructor(
    private readonly s3: S3Client, private readonly bucket: string, private readonly timestamp: Date,
    private readonly previousManifest: ManifestLink | null,
  ) {
    this.json = new StreamedObject(s3, bucket, reportKey(timestamp), REPORT_FORMATS.json.contentType);
    this.latestJson = new StreamedObject(s3, bucket, LATEST_REPORT_KEY, REPORT_FORMATS.json.contentType);
    this.csv = new StreamedObject(s3, bucket, reportKey(timestamp, REPORT_FORMATS.csv.extension), REPORT_FORMATS.csv.contentType);
  }

  /** The next stretch of each rendering. */
  async write(json: string, csv: string): Promise<void> {
    const bytes = Buffer.from(json);
    await Promise.all([this.json.write(bytes), this.latestJson.write(bytes), this.csv.write(csv)]);
  }

  /** The next stretch of the JSON alone. */
  async writeJson(bytes: Buffer): Promise<void> {
    await Promise.all([this.json.write(bytes), this.latestJson.write(bytes)]);
  }

  /**
   * Ends the JSON with its last stretch and the CSV, puts the control status CSV (when the report
   * shows frameworks) and the HTML, dated and as the latest, completes the latest JSON, then puts the
   * manifest of them all, dated and as the latest.
   */
  async finish(json: string, html: string, controlsCsv?: string): Promise<WrittenReport> {
    const [datedJson, csv] = await Promise.all([this.json.end(json), this.csv.end(''), this.latestJson.write(json)]);
    const controls = controlsCsv === undefined ? [] : [await this.putDated(REPORT_FORMATS['controls-csv'], Buffer.from(controlsCsv))];
    const page = Buffer.from(html);
    const datedHtmlKey = reportKey(this.timestamp, REPORT_FORMATS.html.extension);
    for (const key of [datedHtmlKey, LATEST_HTML_KEY]) {
      await this.put(key, page, REPORT_FORMATS.html.contentType);
    }
    const { sha256, bytes } = new ObjectDigest().update(page).of(datedHtmlKey);
    const latestJson = await this.latestJson.end('');
    const manifestKey = reportKey(this.timestamp, MANIFEST_EXTENSION);
    const manifest = Buffer.from(serializeManifest(buildManifest({
      key: manifestKey,
      generatedAt: this.timestamp.toISOString(),
      objects: [datedJson, csv, ...controls, { key: datedHtmlKey, sha256, bytes }],
      latest: [latestJson, { key: LATEST_HTML_KEY, sha256, bytes }],
      previous: this.previousManifest,
    })));
    // The copy last: the next run links to it, so it moves only once the dated manifest is written.
    for (const key of [manifestKey, LATEST_MANIFEST_KEY]) {
      await this.put(key, manifest, REPORT_FORMATS.json.contentType);
    }
    return { reportKey: reportKey(this.timestamp), manifest: manifestLink(manifestKey, manifest) };
  }

  /** Stops every upload: a failed report leaves the previous one as the latest. */
  async abort(): Promise<void> {
    await Promise.all([this.json.abort(), this.latestJson.abort(), this.csv.abort()]);
  }

  /** Puts a dated rendering whole; its manifest entry. */
  private async putDated(format: { extension: string; contentType: string }, body: Buffer): Promise<ManifestObject> {
    const key = reportKey(this.timestamp, format.extension);
    await this.put(key, body, format.contentType);
    return new ObjectDigest().update(body).of(key);
  }

  private async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: 'aws:kms' }));
  }
}

/** The newest manifest of the chain: the link the next manifest records, and the latest copies it vouches for. */
export interface ChainHead {
  readonly link: ManifestLink;
  readonly latest: readonly ManifestObject[];
}

/**
 * A period report being written: its JSON and CSV streamed as the resources come, then its
 * manifest, dated and as the latest. The run writes no `latest.*` copy, so its manifest vouches for
 * those of the manifest before it, which are unchanged: the newest manifest always covers them.
 */
export class PeriodReportWriter {
  private readonly json: StreamedObject;
  private readonly csv: StreamedObject;

  constructor(
    private readonly s3: S3Client, private readonly bucket: string, private readonly timestamp: Date, private readonly head: ChainHead | null,
  ) {
    this.json = new StreamedObject(s3, bucket, reportKey(timestamp, PERIOD_FORMATS.json.extension), PERIOD_FORMATS.json.contentType);
    this.csv = new StreamedObject(s3, bucket, reportKey(timestamp, PERIOD_FORMATS.csv.extension), PERIOD_FORMATS.csv.contentType);
  }

  /** The next stretch of each rendering. */
  async write(json: string, csv: string): Promise<void> {
    await Promise.all([this.json.write(json), this.csv.write(csv)]);
  }

  /** Ends the JSON with its last stretch and the CSV, then puts the manifest of both, dated and as the latest. */
  async finish(json: string): Promise<WrittenReport> {
    const objects = await Promise.all([this.json.end(json), this.csv.end('')]);
    const manifestKey = reportKey(this.timestamp, MANIFEST_EXTENSION);
    const manifest = Buffer.from(serializeManifest(buildManifest({
      key: manifestKey,
      generatedAt: this.timestamp.toISOString(),
      objects,
      latest: this.head?.latest ?? [],
      previous: this.head?.link ?? null,
    })));
    for (const key of [manifestKey, LATEST_MANIFEST_KEY]) {
      await this.s3.send(new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: manifest, ContentType: REPORT_FORMATS.json.contentType, ServerSideEncryption: 'aws:kms',
      }));
    }
    return { reportKey: objects[0].key, manifest: manifestLink(manifestKey, manifest) };
  }

  /** Stops both uploads: a failed run writes nothing. */
  async abort(): Promise<void> {
    await Promise.all([this.json.abort(), this.csv.abort()]);
  }
}

/** The latest manifest cannot be read: the chain cannot go on from it, and the run writes nothing. */
export class LatestManifestError extends Error {}

/** The previous report being read: its violations as they come, and its body's release. */
export interface PreviousReportStream {
  readonly violations: AsyncGenerator<ReportedFinding[], PreviousReportFigures>;
  /** Releases the response, read or not: a run that fails before reading it must not leave it open. */
  close(): void;
}

/** The reports bucket: the latest report's violations and manifest read back, each new report written in every format with its manifest, dated and as the latest. */
export class ReportStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  /** The previous report, opened to be read as a stream, or undefined before the first report. */
  async previous(): Promise<PreviousReportStream | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: LATEST_REPORT_KEY }));
      const body = object.Body as Readable;
      return { violations: previousViolations(body), close: () => body.destroy() };
    } catch (error) {
      if (isAwsError(error, 'NoSuchKey')) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * The link to the newest manifest, hashed from its copy at the latest key (the same bytes), which
   * names the dated key; null before the first manifest.
   */
  async previousManifest(): Promise<ManifestLink | null> {
    return (await this.chainHead())?.link ?? null;
  }

  /** The newest manifest, read from its copy at the latest key; null before the first manifest. */
  async chainHead(): Promise<ChainHead | null> {
    let bytes: Uint8Array;
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: LATEST_MANIFEST_KEY }));
      bytes = await object.Body!.transformToByteArray();
    } catch (error) {
      if (isAwsError(error, 'NoSuchKey')) {
        return null;
      }
      throw error;
    }
    try {
      const manifest = parseManifest(bytes);
      return { link: manifestLink(manifest.key, bytes), latest: manifest.latest };
    } catch (error) {
      if (error instanceof ManifestError) {
        throw new LatestManifestError(`${LATEST_MANIFEST_KEY} is not a manifest (${error.message}): restore it from an earlier version, or delete it to start a new chain`);
      }
      throw error;
    }
  }

  /** Starts writing the period report taken at `timestamp`, its manifest linked to the chain's head. */
  openPeriod(timestamp: Date, head: ChainHead | null): PeriodReportWriter {
    return new PeriodReportWriter(this.s3, this.bucket, timestamp, head);
  }

  /** Starts writing the report taken at `timestamp`, its manifest linked to `previousManifest`. */
  open(timestamp: Date, previousManifest: ManifestLink | null): ReportWriter {
    return new ReportWriter(this.s3, this.bucket, timestamp, previousManifest);
  }
}
