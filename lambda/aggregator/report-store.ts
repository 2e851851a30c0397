import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LATEST_REPORT_KEY, REPORTS_PREFIX } from '../../src/storage/report-layout';

/** `reports/YYYY/MM/DD/compliance-report-<timestamp>.json`, in UTC. */
export function reportKey(timestamp: Date): string {
  const iso = timestamp.toISOString();
  return `${REPORTS_PREFIX}${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/compliance-report-${iso.replace(/[:.]/g, '-')}.json`;
}

/** The reports bucket: the latest report read back, each new report written twice (dated, and latest). */
export class ReportStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  /** The previous report, or undefined before the first. */
  async latest(): Promise<any | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: LATEST_REPORT_KEY }));
      return JSON.parse(await object.Body!.transformToString());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') {
        return undefined;
      }
      throw error;
    }
  }

  /** Writes the report under its dated key and as the latest, encrypted with the bucket's KMS key. */
  async write(report: unknown, timestamp: Date): Promise<string> {
    const body = JSON.stringify(report);
    const key = reportKey(timestamp);
    for (const Key of [key, LATEST_REPORT_KEY]) {
      await this.s3.send(new PutObjectCommand({
        Bucket: this.bucket, Key, Body: body, ContentType: 'application/json', ServerSideEncryption: 'aws:kms',
      }));
    }
    return key;
  }
}
