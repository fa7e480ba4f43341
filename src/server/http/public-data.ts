import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/**
 * Open data is readable from any web page: the statistics and SDMX routes send
 * `Access-Control-Allow-Origin: *`, so a browser SDMX tool or a chart on another site can fetch
 * them. Their GETs need no cookie and change nothing; the routes that do (accounts, the library's
 * editing) are registered apart and do not get it.
 */
export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    // A page elsewhere may read the download's name and the entity tag too.
    void reply
      .header('access-control-allow-origin', '*')
      .header('access-control-expose-headers', 'Content-Disposition, ETag');
  });
  // A page that sends a header beyond the simple ones (an SDMX client's Accept with a version
  // parameter, an X-Requested-With) makes the browser ask first, by OPTIONS: each GET route answers
  // it. (Adding a route from onRoute is how Fastify's documentation says to do it; an OPTIONS route
  // does not run this hook's body again.)
  app.addHook('onRoute', function (route) {
    if (![route.method].flat().includes('GET')) return;
    this.route({ method: 'OPTIONS', url: route.url, schema: { hide: true }, handler: answerPreflight });
  });
}

/** The CORS preflight of a public GET: any origin, GET and HEAD, the headers the page asks for (no cookie is read). */
function answerPreflight(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const asked = request.headers['access-control-request-headers'];
  void reply
    .header('allow', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-max-age', '86400')
    .header('vary', 'Access-Control-Request-Headers');
  if (typeof asked === 'string' && asked.trim()) void reply.header('access-control-allow-headers', asked);
  return reply.status(204).send();
}

/** Whether the client takes gzip (every browser does; `gzip;q=0` refuses it), q-values honoured. */
export function acceptsGzip(request: FastifyRequest): boolean {
  return new Negotiator(request).encoding(['gzip', 'identity']) === 'gzip';
}
