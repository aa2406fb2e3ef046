/**
 * What a right request to the demo shop needs (openapi-cases.ts's `Context`),
 * gathered from a running server as a client would: an issued visitor id, a
 * signed customer, the agent's session, and ids that exist.
 */
import { SECRET, SHOP, customerHeaders } from '../../packages/server/test/helpers.js';
import { agentSession } from '../../packages/server/test/inbox-session.js';
import type { Context } from './openapi-cases.js';

export async function demoShopContext(url: string): Promise<Context> {
  const api = async <T>(path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}/api/v1${path}${path.includes('?') ? '&' : '?'}shop=${SHOP}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const { visitorId } = await api<{ visitorId: string }>('/visitors', { method: 'POST' });
  const conversation = await api<{ id: string }>('/chat/conversations', {
    method: 'POST',
    body: '{}',
    headers: { 'x-shopfront-visitor': visitorId },
  });
  const reviews = await api<{ reviews: Array<{ id: string }> }>('/products/prod-1/reviews');
  const rewards = await api<{ rewards: Array<{ id: string }> }>('/loyalty/rewards');
  const session = await agentSession({ url });
  const { agents } = (await (await session.api('/agents')).json()) as { agents: Array<{ id: string }> };
  return {
    shop: SHOP,
    secret: SECRET,
    visitor: visitorId,
    customer: customerHeaders('cust-bad-input'),
    inbox: { cookie: session.cookie, csrf: session.csrf, origin: url },
    ids: {
      conversationId: conversation.id,
      reviewId: reviews.reviews[0]!.id,
      rewardId: rewards.rewards[0]!.id,
      productId: 'prod-1',
      agentId: agents[0]!.id,
      code: 'NO-SUCH-CODE',
    },
  };
}
