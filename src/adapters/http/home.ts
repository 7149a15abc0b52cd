import type { FastifyInstance } from 'fastify';

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
<p>Call the API with <code>Authorization: Bearer &lt;key&gt;</code>. The demo admin key is in <code>data/admin-key.txt</code>.
The browser screens for each role are being built; until then, this server is the API.</p>
</body></html>`;

/** The page at `/` until the web app is served there. */
export function registerHome(app: FastifyInstance) {
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PAGE),
  );
}
