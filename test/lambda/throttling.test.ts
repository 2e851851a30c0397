import * as http from 'http';
import { AddressInfo } from 'net';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { FindingStore } from '../../lambda/findings/finding-store';
import { createTracer } from '../../lambda/observability/tracer';
import { documentClient } from '../../lambda/runtime/clients/dynamodb';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { SSH_VIOLATION } from '../support/findings';

const TABLE = 'compliance-findings-test';

/**
 * DynamoDB throttling, as the service answers it, in front of a real dynalite: the handlers'
 * own client (adaptive retries, built by the entry points' factory) must absorb it instead of
 * failing the invocation.
 */
describe('throttling', () => {
  let dynamo: LocalDynamoDb;
  let proxy: http.Server;
  let throttled = 0;
  let toThrottle = 0;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await createFindingsTable(dynamo.client, TABLE);
    const target = await dynamo.client.config.endpoint!();
    proxy = http.createServer((request, response) => {
      if (toThrottle > 0) {
        toThrottle--;
        throttled++;
        request.resume();
        response.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' }));
        return;
      }
      const destination = { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers };
      const forward = http.request(destination, (answer) => {
        response.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(response);
      });
      request.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await dynamo.close();
  });

  test('throttled writes are retried by the handlers\' own client until they pass, and the finding is recorded', async () => {
    // The client the entry points build, configured as in Lambda: through the environment.
    const environment = {
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    const saved = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
    Object.assign(process.env, environment);
    const client = documentClient(createTracer('analyzer'));
    toThrottle = 2;
    let recorded;
    try {
      recorded = await new FindingStore(client, TABLE, 1).recordChange(SSH_VIOLATION, 'CRITICAL');
    } finally {
      client.destroy();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
    }
    expect(throttled).toBe(2);
    expect(recorded).toEqual({ applied: true, newlyNonCompliant: true });
    const rows = await dynamo.documents.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'resourceId = :id', ExpressionAttributeValues: { ':id': 'sg-1' } }));
    expect(rows.Items).toHaveLength(2);
  }, 30_000);
});
