import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from './problem.js';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stockline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0}code{background:#f1f3f4;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>Stockline</h1>
<p>Order fulfillment and inventory management for wholesale distributors.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI 3.1 at <a href="/api/openapi.json"><code>/api/openapi.json</code></a>)</li>
<li><a href="/health">Health</a> · <a href="/metrics">Metrics</a></li>
</ul>
<p>The web app is not built: run <code>npm run build:web</code> (or <code>npm start</code>).
Call the API with <code>Authorization: Bearer &lt;key&gt;</code>; the demo admin key is in <code>data/admin-key.txt</code>.</p>
</body></html>`;

/** dist/web of this checkout, found from this file (src/… under tsx, dist/… when built). */
export function defaultWebRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}

/**
 * The web app at `/`: built files from `webRoot`, and index.html for every other GET outside
 * /api, so the app's own routes (/orders/12) survive a reload. Hashed assets are cached for a
 * year; index.html never, so a new build is picked up at once. Without a build, a short page
 * says how to make one.
 */
export async function registerHome(app: FastifyInstance, webRoot: string = defaultWebRoot()) {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(PAGE),
    );
    return;
  }
  // Cache headers are set here per file kind, not by the plugin's one-size default.
  await app.register(fastifyStatic, { root: webRoot, serve: false, cacheControl: false });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  const route = { config: { public: true }, schema: { hide: true } };
  app.get('/', route, async (_request, reply) => sendIndex(reply));
  app.get('/*', route, async (request, reply) => {
    const pathname = decodedPath(request.url);
    if (pathname.startsWith('/api/')) {
      return sendProblem(reply, {
        code: 'REQUEST.NOT_FOUND',
        message: `No route ${request.method} ${pathname}`,
      });
    }
    if (!nameable(pathname)) {
      // A NUL byte (or another control character) names no file: Node's fs throws on a NUL,
      // which was a 500 with an error log line for anyone, no key needed.
      return sendProblem(reply, {
        code: 'REQUEST.INVALID',
        message: 'The path contains a character no file name has',
      });
    }
    const file = path.join(webRoot, path.normalize(pathname));
    if (
      file.startsWith(webRoot + path.sep) &&
      fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      const immutable = pathname.startsWith('/assets/');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(path.relative(webRoot, file));
    }
    return sendIndex(reply);
  });
}

/** False for paths with control characters (NUL above all), which are never looked up on disk. */
// eslint-disable-next-line no-control-regex
const nameable = (pathname: string) => !/[\u0000-\u001f\u007f]/.test(pathname);

/** The request path, percent-decoded; a malformed escape is left as sent (it names no file). */
function decodedPath(url: string): string {
  const raw = url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
