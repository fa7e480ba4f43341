import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL's origin, or null: then links name the host the client asked for. */
    publicOrigin: string | null;
  }
}

/** Gives the app its public origin (PUBLIC_URL), for the links its answers carry. */
export function setPublicOrigin(app: FastifyInstance, origin: string | null): void {
  app.decorate('publicOrigin', origin);
}

/**
 * This server's address for links in answers (SDMX messages, library exports): PUBLIC_URL when
 * set, so that a forged Host header cannot put another site's address in them; otherwise the
 * protocol and host the client used (behind TRUST_PROXY, its X-Forwarded-Proto and -Host).
 */
export function siteOrigin(request: FastifyRequest): string {
  return request.server.publicOrigin ?? `${request.protocol}://${request.host}`;
}
