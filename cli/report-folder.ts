import * as fs from 'fs';
import * as path from 'path';
import { ObjectDigest } from '../src/core/report/manifest';
import { ReportFolder } from '../src/core/report/manifest-chain';

/** 1 MB: a report of hundreds of MB is hashed without being held. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Every regular file under `root`, as a key relative to it with `/` between the parts, as S3 names it. */
function filesUnder(root: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const key = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(root, key) : entry.isFile() ? [key] : [];
  });
}

/** A downloaded reports bucket (`aws s3 sync s3://BUCKET DIR`) as the core's chain check reads it. */
export function reportFolder(root: string): ReportFolder {
  const file = (key: string) => path.join(root, ...key.split('/'));
  return {
    keys: filesUnder(root),
    read: async (key) => fs.promises.readFile(file(key)),
    digest: async (key) => {
      const digest = new ObjectDigest();
      for await (const chunk of fs.createReadStream(file(key), { highWaterMark: READ_CHUNK_BYTES })) {
        digest.update(chunk as Buffer);
      }
      return digest.of(key);
    },
  };
}
