import type { FastifyRequest } from 'fastify';
import type { Actor } from '@domain/permissions';
import { HttpError } from '../http/api-error';

/** The signed-in user a request acts as, loaded fresh from the store for every request. */
export interface ServerActor extends Actor {
  name: string;
  email: string;
  /** scopeKeyOf(actor): sent back on every pull so devices notice when their sight changed. */
  scopeKey: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook for routes that need a user; null elsewhere. */
    outpostActor: ServerActor | null;
  }
}

/** The request's user; a route that needs one and has none answers 401. */
export function actorOf(request: FastifyRequest): ServerActor {
  const actor = request.outpostActor;
  if (!actor) throw new HttpError(401, 'auth.required', 'sign in first: this request carries no access token');
  return actor;
}
