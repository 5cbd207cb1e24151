import { ADMIN_ROUTE_DOCS } from './admin-route-docs';
import { AUTH_ROUTE_DOCS } from './auth-route-docs';
import type { RouteDoc } from './route-doc';
import { SYNC_ROUTE_DOCS } from './sync-route-docs';

export { SYNC_ROUTES_NOTE } from './sync-route-docs';

export type { Part, ResponseDoc, RouteDoc } from './route-doc';

/** Every route of the sync server, in the order the API reference lists them. */
export const ROUTE_DOCS: readonly RouteDoc[] = [...AUTH_ROUTE_DOCS, ...ADMIN_ROUTE_DOCS, ...SYNC_ROUTE_DOCS];
