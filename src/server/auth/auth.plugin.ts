import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { hasRole, type Role } from '../../core/library-vocab.js';
import type { User } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { findSession, type SessionUser } from './auth.service.js';

export const SESSION_COOKIE = 'bridges_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, looked up once per request from the session cookie. */
    session(): Promise<SessionUser | null>;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: a role (401 without a session, 403 below it), checked as the request
     * arrives, before its parameters and body are parsed or validated; or 'anyone'. Every /api/
     * route that changes state says which: the app refuses to start otherwise.
     */
    access?: Role | 'anyone';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions and cross-site request forgery protection for the whole API. A state-changing request
 * (anything but GET, HEAD, OPTIONS) is refused when the browser says it comes from another site
 * (Origin or Sec-Fetch-Site), and, when it carries a session cookie, unless it also carries that
 * session's token in the X-CSRF-Token header (synchroniser token). The cookie is http-only,
 * SameSite=Lax and Secure whenever the request came over HTTPS.
 */
export const authPlugin = fp<{ db: Kysely<DB> }>(async (app: FastifyInstance, { db }) => {
  await app.register(fastifyCookie);
  const cache = new WeakMap<FastifyRequest, Promise<SessionUser | null>>();
  app.decorateRequest('session', function (this: FastifyRequest) {
    let found = cache.get(this);
    if (!found) {
      const token = this.cookies[SESSION_COOKIE];
      found = token ? findSession(db, token) : Promise.resolve(null);
      cache.set(this, found);
    }
    return found;
  });

  // NOTE: the role is checked in the route's own onRequest hook, after the CSRF check below and
  // before Fastify parses and validates anything: an anonymous write is a 401, not a list of the
  // body's faults (or of the roles an account may have), whatever it sends.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      const methods = [route.method].flat();
      if (route.url.startsWith('/api/') && methods.some((m) => !SAFE_METHODS.has(m)))
        throw new Error(
          `${methods.join(', ')} ${route.url} changes state: say who may call it (config.access: a role, or 'anyone')`,
        );
      return;
    }
    if (access === 'anyone') return;
    const checkRole = async (request: FastifyRequest) => {
      await requireRole(request, access);
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), checkRole];
  });

  // NOTE: every state-changing request, whatever its path: the router decodes the path
  // (/%61pi/users is /api/users), so a test of the URL as sent would let an encoded one past.
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site') throw ApiError.forbidden('Cross-site request refused.');
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw ApiError.forbidden('Cross-site request refused: the Origin header is malformed.');
      }
      if (host !== hostOf(request)) throw ApiError.forbidden(`Cross-site request refused: it comes from ${origin}.`);
    } else if (origin === 'null') {
      throw ApiError.forbidden('Cross-site request refused: opaque origin.');
    }
    if (request.cookies[SESSION_COOKIE] === undefined) return;
    const session = await request.session();
    if (!session) return; // an expired cookie carries no rights; the route asks for a sign-in
    const sent = request.headers[CSRF_HEADER];
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw ApiError.forbidden(`The ${CSRF_HEADER} header is missing or wrong (it is given by /api/auth/session).`);
  });
});

/** The signed-in user, who must hold at least `role`: 401 without a session, 403 with too few rights. */
export async function requireRole(request: FastifyRequest, role: Role): Promise<User> {
  const session = await request.session();
  if (!session) throw ApiError.unauthorized();
  if (!hasRole(session.user.role, role))
    throw ApiError.forbidden(`This needs the ${role} role; ${session.user.name} is a ${session.user.role}.`);
  return session.user;
}

/** The user calling a route that names a role in its config.access (checked as the request arrived). */
export async function routeUser(request: FastifyRequest): Promise<User> {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'anyone')
    throw new Error(`${request.routeOptions.url ?? request.url} names no role in config.access`);
  return requireRole(request, access);
}

/** The signed-in user if any. */
export async function optionalUser(request: FastifyRequest): Promise<User | null> {
  return (await request.session())?.user ?? null;
}

/**
 * The host a request was sent to (forwarded by a trusted proxy, else its Host header) as a URL
 * writes it, the way the Origin header's is read: lower case, without the scheme's default port.
 */
function hostOf(request: FastifyRequest): string | null {
  try {
    return new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return null;
  }
}
