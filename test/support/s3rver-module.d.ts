/** s3rver ships no types: what the tests use. */
declare module 's3rver' {
  import { AddressInfo } from 'net';

  class S3rver {
    constructor(options: { address?: string; port?: number; silent?: boolean; directory?: string; configureBuckets?: Array<{ name: string }> });
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
  export = S3rver;
}
