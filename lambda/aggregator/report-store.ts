import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { REPORT_FORMATS, ReportFormat } from '../../src/core/report/formats';
import { ComplianceReport } from '../../src/core/report/report';
import { LATEST_REPORT_KEY, REPORTS_PREFIX } from '../../src/core/storage/report-layout';
import { isAwsError } from '../runtime/aws-errors';

/** `reports/YYYY/MM/DD/compliance-report-<timestamp>.<extension>`, in UTC. */
export function reportKey(timestamp: Date, extension = 'json'): string {
  const iso = timestamp.toISOString();
  return `${REPORTS_PREFIX}${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/compliance-report-${iso.replace(/[:.]/g, '-')}.${extension}`;
}

/** The latest report's HTML, beside `latest.json`: the page an auditor bookmarks. */
const LATEST_HTML_KEY = `${REPORTS_PREFIX}latest.html`;

/** The reports bucket: the latest report read back, each new report written in every format, dated and as the latest. */
export class ReportStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  /** The previous report, or undefined before the first. */
  async latest(): Promise<any | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: LATEST_REPORT_KEY }));
      return JSON.parse(await object.Body!.transformToString());
    } catch (error) {
      if (isAwsError(error, 'NoSuchKey')) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Writes the report as JSON, CSV and HTML under its dated keys, then as the latest (JSON last, so
   * that the next report compares with a report whose renderings are all written), encrypted with
   * the bucket's KMS key. Returns the dated JSON key.
   */
  async write(report: ComplianceReport, timestamp: Date): Promise<string> {
    const writes: Array<[string, ReportFormat]> = [
      ...Object.values(REPORT_FORMATS).map((format): [string, ReportFormat] => [reportKey(timestamp, format.extension), format]),
      [LATEST_HTML_KEY, REPORT_FORMATS.html],
      [LATEST_REPORT_KEY, REPORT_FORMATS.json],
    ];
    for (const [Key, format] of writes) {
      await this.s3.send(new PutObjectCommand({
        Bucket: this.bucket, Key, Body: format.render(report), ContentType: format.contentType, ServerSideEncryption: 'aws:kms',
      }));
    }
    return reportKey(timestamp);
  }
}
