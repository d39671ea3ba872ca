/** A tiny static file server on 127.0.0.1 (random port) for the browser tests and the demo. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves files under `root`, plus `generated` pages (path → HTML made on each request, e.g.
 * the demo pages dated today).
 */
export async function startStaticServer(
  root: string,
  generated: Record<string, () => string> = {},
  host = '127.0.0.1',
): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const make = generated[path];
    if (make) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(make());
      return;
    }
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Keep-alive connections from a browser that is still open would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
