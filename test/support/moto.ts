import { ChildProcess, spawn } from 'child_process';
import { pythonTool } from './python';

/** The account moto answers for: its default, in every ARN it makes. */
export const MOTO_ACCOUNT = '123456789012';
export const MOTO_REGION = 'eu-west-1';

/**
 * moto's server (`moto_server`, pinned in requirements-dev.in) on 127.0.0.1 and a free port: the
 * wire protocol of Config, SNS, SQS, EC2, RDS, S3, CloudWatch, Lambda and DynamoDB, in memory.
 */
export interface MotoServer {
  /** `http://127.0.0.1:{port}`, for every client's `endpoint`. */
  readonly endpoint: string;
  /** What an SDK client needs to talk to the server: endpoint, region, credentials, path-style S3. */
  readonly clientConfig: {
    readonly endpoint: string;
    readonly region: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
    readonly forcePathStyle: true;
  };
  /** Empties every service: call between tests. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 30_000;

/** Starts one server; a test file starts one in `beforeAll`, resets it in `beforeEach`, stops it in `afterAll`. */
export async function startMoto(): Promise<MotoServer> {
  const server = spawn(pythonTool('moto_server'), ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const endpoint = await announcedEndpoint(server);
  return {
    endpoint,
    clientConfig: {
      endpoint,
      region: MOTO_REGION,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      forcePathStyle: true,
    },
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) {
        throw new Error(`moto reset answered ${response.status}`);
      }
    },
    stop: () => new Promise<void>((resolve) => {
      if (server.exitCode !== null) {
        resolve();
        return;
      }
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    }),
  };
}

/** The address werkzeug prints once it listens (`Running on http://127.0.0.1:PORT`). */
function announcedEndpoint(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`moto_server did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      server.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // Keep reading, so that a full pipe never blocks the server's request log.
        server.stdout?.removeListener('data', read);
        server.stderr?.removeListener('data', read);
        server.stdout?.resume();
        server.stderr?.resume();
        resolve(match[1]);
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => fail(new Error(`moto_server exited with ${code} before it listened:\n${output}`)));
  });
}

/**
 * One server for the test file (or `describe` block) that calls this, in its scope: started before
 * its tests, reset before each, stopped after them. Returns the running server.
 */
export function motoForEachTest(): () => MotoServer {
  let server: MotoServer | undefined;
  beforeAll(async () => {
    server = await startMoto();
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    await server!.reset();
  });
  return () => server!;
}
