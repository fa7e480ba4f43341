import type { FastifyInstance, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/**
 * Open data is readable from any web page: the statistics and SDMX routes send
 * `Access-Control-Allow-Origin: *`, so a browser SDMX tool or a chart on another site can fetch
 * them. Their GETs need no cookie and change nothing; the routes that do (accounts, the library's
 * editing) are registered apart and do not get it.
 */
export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('access-control-allow-origin', '*');
  });
}

/** Whether the client takes gzip (every browser does; `gzip;q=0` refuses it), q-values honoured. */
export function acceptsGzip(request: FastifyRequest): boolean {
  return new Negotiator(request).encoding(['gzip', 'identity']) === 'gzip';
}
