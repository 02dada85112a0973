import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Bodies the app keeps already compressed (the open-data documents, decision 018). Next.js drops
 * a route's Content-Encoding, so a route names the encoding of such a body in PRE_ENCODED_HEADER,
 * and server.ts, which marks every request it passes on with RELAYS_ENCODING_HEADER, turns that
 * into Content-Encoding as the headers go out. Without server.ts (`next dev`) there is no mark,
 * and routes send such bodies decoded.
 */
export const PRE_ENCODED_HEADER = 'x-portal-content-encoding';
export const RELAYS_ENCODING_HEADER = 'x-portal-relays-encoding';

/** Marks the request (whatever the client sent in its place) and relabels a pre-encoded body's headers. */
export function relayPreEncodedBodies(request: IncomingMessage, response: ServerResponse): void {
  request.headers[RELAYS_ENCODING_HEADER] = '1';
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = function (status: number, ...rest: unknown[]) {
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => !!arg && typeof arg === 'object' && !Array.isArray(arg));
    const encoding = response.getHeader(PRE_ENCODED_HEADER) ?? headers?.[PRE_ENCODED_HEADER];
    if (encoding !== undefined) {
      response.removeHeader(PRE_ENCODED_HEADER);
      if (headers) delete headers[PRE_ENCODED_HEADER];
      response.setHeader('content-encoding', String(encoding));
    }
    return writeHead(status, ...rest);
  };
}
