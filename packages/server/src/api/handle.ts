/**
 * Running a route definition for one request: the write budget, the policy,
 * then path, query and header parameters, the visitor, the body; then the handler,
 * whose reply is checked against the schema declared for its status before it
 * is sent (the server never sends what its own clients would reject).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { limitWrite, type Deps } from '../deps.js';
import { HttpError, type AppContext } from '../http.js';
import { parseBody, parseParams } from './input.js';
import type { JsonReply, Mount, RouteDefinition } from './route.js';
import { checkPolicy } from './security.js';
import { isIssuedVisitor } from '../identity.js';
import { CACHE_CONTROL, CDN_CACHE_CONTROL, IF_NONE_MATCH_MAX_LENGTH, etagOf, matches } from '../read-cache.js';

export function mountWith(deps: Deps): Mount {
  return async (definition: RouteDefinition, c: AppContext) => {
    // Writes count before the caller is checked, so guessing a customer signature costs budget too.
    if (definition.rateLimited) await limitWrite(deps, c);
    const caller = await checkPolicy(deps, definition.security, definition.method, c);
    const params = parseParams(definition.params, (name) => c.req.param(name));
    const query = parseParams(definition.query, (name) => c.req.query(name));
    const headers = parseParams(definition.headers, (name) => c.req.header(name));
    const visitorId = c.get('visitorId');
    if (definition.visitor === 'required' && !visitorId) {
      throw new HttpError(400, 'X-Shopfront-Visitor: required.', 'visitor');
    }
    // What counts once per visitor needs an id this server made: a made-up one would be a new visitor per request.
    const shop = c.get('shop');
    if (definition.visitor === 'required' && shop && !isIssuedVisitor(shop, visitorId!)) {
      throw new HttpError(403, 'X-Shopfront-Visitor: must be an id this server issued (POST /visitors).', 'visitor');
    }
    const body = definition.body ? await parseBody(c, definition.body) : undefined;
    const input = { params, query, headers, body, visitorId, ...caller } as never;
    if (definition.cached) return answerFromCache(deps, definition, c, input);
    const reply = (await definition.handler(input, c)) as JsonAnswer | Response;
    if (reply instanceof Response) return reply;
    return c.json(checked(definition, reply) as object, reply.status);
  };
}

type JsonAnswer = { status: ContentfulStatusCode; body: unknown };

/** The reply as its declared schema outputs it; a reply that breaks its own schema is the server's bug (a 500). */
function checked(definition: RouteDefinition, reply: JsonAnswer): unknown {
  const declared = definition.responses[reply.status];
  if (!declared || !('schema' in declared))
    throw new Error(`${definition.operationId} answered ${reply.status}, which it does not declare`);
  const result = (declared as JsonReply).schema.safeParse(reply.body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${definition.operationId}: the ${reply.status} reply failed its schema at "${issue?.path.join('.')}": ${issue?.code}`);
  }
  return result.data;
}

/**
 * A read kept serialised (../read-cache.ts): answered from memory until a write
 * to its tag, with an ETag and Cache-Control, and a 304 for a copy still current.
 * The key holds the base URL too, since answers carry absolute photo URLs.
 */
async function answerFromCache(deps: Deps, definition: RouteDefinition, c: AppContext, input: never): Promise<Response> {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined && ifNoneMatch.length > IF_NONE_MATCH_MAX_LENGTH) {
    throw new HttpError(400, `If-None-Match: too long: at most ${IF_NONE_MATCH_MAX_LENGTH} characters.`, 'If-None-Match');
  }
  const tag = definition.cached!(input);
  const key = `${c.get('baseUrl')} ${c.req.path}${new URL(c.req.url).search}`;
  let answer = deps.reads.get(tag, key);
  if (!answer) {
    const version = deps.reads.version(tag);
    const reply = (await definition.handler(input, c)) as JsonAnswer | Response;
    if (reply instanceof Response) return reply;
    const json = JSON.stringify(checked(definition, reply));
    if (reply.status !== 200) return c.body(json, reply.status, { 'Content-Type': 'application/json' });
    const body = new TextEncoder().encode(json);
    answer = { body, etag: etagOf(body) };
    deps.reads.set(tag, key, answer, version);
  }
  c.header('ETag', answer.etag);
  c.header('Cache-Control', CACHE_CONTROL);
  c.header('CDN-Cache-Control', CDN_CACHE_CONTROL);
  if (matches(ifNoneMatch, answer.etag)) return c.body(null, 304);
  c.set('cachedRead', { tag, key });
  return c.body(answer.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
}
