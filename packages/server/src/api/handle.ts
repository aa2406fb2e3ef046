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
    const reply = await definition.handler({ params, query, headers, body, visitorId, ...caller } as never, c);
    if (reply instanceof Response) return reply;
    return send(definition, c, reply as unknown as { status: ContentfulStatusCode; body: unknown });
  };
}

function send(definition: RouteDefinition, c: AppContext, reply: { status: ContentfulStatusCode; body: unknown }): Response {
  const declared = definition.responses[reply.status];
  if (!declared || !('schema' in declared))
    throw new Error(`${definition.operationId} answered ${reply.status}, which it does not declare`);
  const result = (declared as JsonReply).schema.safeParse(reply.body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${definition.operationId}: the ${reply.status} reply failed its schema at "${issue?.path.join('.')}": ${issue?.code}`);
  }
  return c.json(result.data as object, reply.status);
}
