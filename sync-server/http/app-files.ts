import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildContentSecurityPolicy } from '@domain/content-security-policy';

/**
 * In browser mode the sync server also serves the built app, so app and API share one origin.
 * Same CSP as the desktop app's app:// handler; the app uses hash routes, so no history fallback.
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
      if (path.endsWith('.html')) {
        res.header('Content-Security-Policy', csp);
        res.header('Cache-Control', 'no-cache');
      }
    },
  });
}
