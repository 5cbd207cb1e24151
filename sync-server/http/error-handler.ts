import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody, HttpError } from './api-error';

/**
 * Every failure leaves as `{ error: { code, message } }` with a 4xx for the client's mistakes and a
 * 500 (logged, details hidden) for ours. Fastify's own errors (bad JSON, oversized bodies, schema
 * failures) are mapped to stable codes a client can act on.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    if (error.validation) {
      const detail = error.validation
        .slice(0, 5)
        .map((v) => `${v.instancePath || error.validationContext || 'request'} ${v.message ?? ''}`.trim());
      return reply.status(400).send(errorBody('request.invalid', `invalid request: ${detail.join('; ')}`));
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(errorBody('request.tooLarge', 'the request body is too large; push fewer rows at once'));
    }
    // A compressed body that does not decompress: zlib's own codes (Z_DATA_ERROR…) mean nothing to a client.
    if (error.code === 'FST_CP_ERR_INVALID_CONTENT' || /^Z_[A-Z_]+$/.test(error.code ?? '')) {
      return reply
        .status(400)
        .send(errorBody('request.badEncoding', 'the request body could not be decompressed (Content-Encoding)'));
    }
    if (error.code === 'FST_CP_ERR_INVALID_CONTENT_ENCODING') {
      return reply.status(415).send(errorBody('request.unsupportedEncoding', error.message));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('request.unsupportedMediaType', 'send application/json'));
    }
    if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return reply.status(400).send(errorBody('request.malformedJson', 'the request body is not valid JSON'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(error.code ?? 'request.invalid', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send(errorBody('server.error', 'the server could not complete the request; it is safe to retry'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('route.notFound', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
