import { once } from 'events';
import { PassThrough, Readable } from 'stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { previousViolations, PreviousReportFigures } from './previous-report';
import { ReportedFinding } from '../../src/core/report/changes-since';
import { REPORT_FORMATS } from '../../src/core/report/formats';
import { LATEST_REPORT_KEY, REPORTS_PREFIX } from '../../src/core/storage/report-layout';
import { isAwsError } from '../runtime/aws-errors';

/** `reports/YYYY/MM/DD/compliance-report-<timestamp>.<extension>`, in UTC. */
export function reportKey(timestamp: Date, extension = 'json'): string {
  const iso = timestamp.toISOString();
  return `${REPORTS_PREFIX}${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/compliance-report-${iso.replace(/[:.]/g, '-')}.${extension}`;
}

/** The latest report's HTML, beside `latest.json`: the page an auditor bookmarks. */
const LATEST_HTML_KEY = `${REPORTS_PREFIX}latest.html`;

/** S3's smallest part but the last: each upload holds a part being filled and at most {@link PARTS_IN_FLIGHT} being sent. */
export const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;

/**
 * One object written as it is produced: a multipart upload (a single PUT when it stays under one
 * part) fed through a stream, encrypted with the bucket's KMS key. S3 shows the object only once
 * it is complete. A write waits while the parts are sent: memory stays a few parts.
 */
class StreamedObject {
  private readonly body = new PassThrough();
  private readonly upload: Upload;
  private readonly done: Promise<unknown>;

  constructor(s3: S3Client, bucket: string, key: string, contentType: string) {
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
    if (!this.body.write(bytes)) {
      await once(this.body, 'drain');
    }
  }

  async end(text: string): Promise<void> {
    this.body.end(text);
    await this.done;
  }

  /** Stops the upload; S3 keeps no part of it. */
  async abort(): Promise<void> {
    await this.upload.abort();
    await this.done.catch(() => undefined);
  }
}

/**
 * A report being written: its JSON (dated and as the latest) and CSV streamed as the evaluations
 * come, its HTML put at the end. The latest JSON completes last, so that the next report compares
 * with a report whose renderings are all written.
 */
export class ReportWriter {
  private readonly json: StreamedObject;
  private readonly latestJson: StreamedObject;
  private readonly csv: StreamedObject;

  constructor(private readonly s3: S3Client, private readonly bucket: string, private readonly timestamp: Date) {
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

  /** Ends the JSON with its last stretch and the CSV, puts the HTML, dated and as the latest, then completes the latest JSON. Returns the dated JSON key. */
  async finish(json: string, html: string): Promise<string> {
    await Promise.all([this.json.end(json), this.csv.end(''), this.latestJson.write(json)]);
    for (const Key of [reportKey(this.timestamp, REPORT_FORMATS.html.extension), LATEST_HTML_KEY]) {
      await this.s3.send(new PutObjectCommand({
        Bucket: this.bucket, Key, Body: html, ContentType: REPORT_FORMATS.html.contentType, ServerSideEncryption: 'aws:kms',
      }));
    }
    await this.latestJson.end('');
    return reportKey(this.timestamp);
  }

  /** Stops every upload: a failed report leaves the previous one as the latest. */
  async abort(): Promise<void> {
    await Promise.all([this.json.abort(), this.latestJson.abort(), this.csv.abort()]);
  }
}

/** The previous report being read: its violations as they come, and its body's release. */
export interface PreviousReportStream {
  readonly violations: AsyncGenerator<ReportedFinding[], PreviousReportFigures>;
  /** Releases the response, read or not: a run that fails before reading it must not leave it open. */
  close(): void;
}

/** The reports bucket: the latest report's violations read back, each new report written in every format, dated and as the latest. */
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

  /** Starts writing the report taken at `timestamp`. */
  open(timestamp: Date): ReportWriter {
    return new ReportWriter(this.s3, this.bucket, timestamp);
  }
}
