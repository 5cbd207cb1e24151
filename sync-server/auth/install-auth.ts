import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store';
import { registerAdminUserRoutes } from './admin-user-routes';
import type { AuthConfig } from './auth-config';
import { createAuthContext } from './auth-context';
import { registerAuthRoutes } from './auth-routes';
import { installAuthentication } from './authenticate-hook';

/** Accounts and sign-in (docs/security.md): the authentication hook, /auth/* and /admin/users. */
export async function installAuth(
  app: FastifyInstance,
  store: Store,
  config: AuthConfig,
  serverNow: () => number,
): Promise<void> {
  const ctx = await createAuthContext(store, config, serverNow);
  app.addHook('onClose', async () => ctx.directory.close());
  installAuthentication(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAdminUserRoutes(app, ctx);
}
