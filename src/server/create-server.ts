/**
 * Posture's HTTP server: Probot's webhook middleware (which verifies X-Hub-Signature-256
 * before any handler runs) plus a health endpoint. `npm start`, the end-to-end test and the demo
 * all start it through here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, type Logger } from 'probot';
import postureApp, { type PostureDependencies } from '../app.js';
import type { ServerConfig } from './config-from-env.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  webhookUrl: string;
  close(): Promise<void>;
}

export async function startPostureServer(
  config: ServerConfig,
  log: Logger,
  deps: PostureDependencies = {},
): Promise<RunningServer> {
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    log,
  });
  const webhooks = await createNodeMiddleware((app) => postureApp(app, { appId: Number(config.appId), ...deps }), {
    probot,
    webhooksPath: config.webhookPath,
  });
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    void webhooks(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
  });
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host ?? 'localhost'}:${port}`;
  log.info({ port, baseUrl: config.baseUrl }, 'Posture is listening for webhooks');
  return {
    url,
    port,
    webhookUrl: `${url}${config.webhookPath}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
