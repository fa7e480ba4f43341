import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorResponse } from '../../core/errors.js';
import { CreateUserBody, LoginBody, SessionInfo, User, UserList } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { SESSION_COOKIE, routeUser } from './auth.plugin.js';
import { createUser, listUsers, login, logout } from './auth.service.js';

/** Sign in and out, the current session, and (admins) accounts. */
export function authRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(rateLimit, { global: false });

    app.get(
      '/api/auth/session',
      {
        schema: {
          tags: ['accounts'],
          summary: 'The signed-in user and the CSRF token to send with every change',
          response: { 200: SessionInfo },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const session = await request.session();
        return { user: session?.user ?? null, csrfToken: session?.csrfToken ?? null };
      },
    );

    app.post(
      '/api/auth/login',
      {
        // Slows down password guessing: ten attempts a minute from one address, counted in this
        // process (login() also limits wrong passwords per account, counted in the database).
        config: { access: 'anyone', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['accounts'],
          summary: 'Sign in: sets an http-only session cookie',
          body: LoginBody,
          response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const session = await login(db, request.body.email, request.body.password);
        void reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          path: '/',
          expires: session.expiresAt,
        });
        void reply.header('cache-control', 'no-store');
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'anyone' },
        schema: { tags: ['accounts'], summary: 'Sign out', response: { 204: z.null(), 403: ErrorResponse } },
      },
      async (request, reply) => {
        const session = await request.session();
        if (session) await logout(db, session.tokenHash);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['accounts'],
          summary: 'Accounts (administrators)',
          response: { 200: UserList, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        await routeUser(request);
        return { users: await listUsers(db) };
      },
    );

    app.post(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['accounts'],
          summary: 'Create an account (administrators)',
          body: CreateUserBody,
          response: { 201: User, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        await routeUser(request);
        return reply.status(201).send(await createUser(db, request.body));
      },
    );
  };
}
