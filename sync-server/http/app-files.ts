import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildContentSecurityPolicy } from '@domain/content-security-policy';

/** The app-shell service worker at the root of the build (docs/adr/0017-browser-app-service-worker.md). */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * In browser mode the sync server also serves the built app, so app and API share one origin.
 * Same CSP as the desktop app's app:// handler; the app uses hash routes, so no history fallback.
 * index.html and the service worker are revalidated on every request (no-cache), so a browser
 * finds a new build's worker on its next load; the worker runs under the same policy as the page.
 */
export async function registerAppFiles(app: FastifyInstance, rendererDir: string) {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no app build in ${rendererDir}: run \`npm run build\` first`);
  }
  const csp = buildContentSecurityPolicy();
  await app.register(fastifyStatic, {
    root: rendererDir,
    index: ['index.html'],
    wildcard: false,
    setHeaders(res, path) {
      res.header('X-Content-Type-Options', 'nosniff');
      if (path.endsWith('.html') || relative(rendererDir, path).split(sep).join('/') === SERVICE_WORKER_FILE) {
        res.header('Content-Security-Policy', csp);
        res.header('Cache-Control', 'no-cache');
      }
    },
  });
}
