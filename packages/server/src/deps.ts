/** What the routes are built from, and the helpers several route groups share. */
import type { ChatStatus } from '@shopfront/core/schemas.js';
import { businessState } from './business-hours.js';
import type { ChatHub } from './chat-hub.js';
import type { ServerConfig } from './config.js';
import { HttpError, type AppContext } from './http.js';
import type { MediaStore } from './media.js';
import type { RateLimiter } from './rate-limit.js';
import type { Shop, Storage } from './storage.js';

export interface Deps {
  config: ServerConfig;
  storage: Storage;
  hub: ChatHub;
  limiter: RateLimiter;
  media: MediaStore;
}

/** Counts a write against the visitor's and the IP address's budgets; 429 with `Retry-After` past either. */
export function limitWrite(deps: Deps, c: AppContext): void {
  const { windowMs, writesPerIp, writesPerVisitor } = deps.config.rateLimits;
  const checks: Array<[string, number]> = [[`write:ip:${c.get('ip')}`, writesPerIp]];
  const visitor = c.get('visitorId');
  if (visitor) checks.unshift([`write:visitor:${c.get('shop').id}:${visitor}`, writesPerVisitor]);
  for (const [key, limit] of checks) {
    const decision = deps.limiter.take(key, limit, windowMs);
    if (!decision.ok) {
      throw new HttpError(429, 'Too many requests. Try again in a moment.', undefined, { 'Retry-After': String(decision.retryAfter) });
    }
  }
}

/**
 * Online when the shop is within its business hours and an agent is present: an
 * agent whose inbox holds its live connection (availability `auto`), or one
 * marked `available`; `away` agents never count.
 */
export async function chatStatus(deps: Deps, shop: Shop): Promise<ChatStatus> {
  const agents = await deps.storage.agents(shop.id);
  const present = agents.filter(
    (agent) => agent.availability === 'available' || (agent.availability === 'auto' && deps.hub.isConnected(agent.id)),
  );
  const hours = shop.settings.businessHours;
  const { open, nextOpenAt } = businessState(hours);
  const status: ChatStatus =
    open && present.length > 0
      ? { state: 'online', agents: present.slice(0, 20).map((agent) => ({ name: agent.name })) }
      : { state: 'away', reason: open ? 'no-agents' : 'outside-hours', nextOpenAt };
  if (hours) status.businessHours = hours;
  if (shop.settings.replyMinutes !== undefined) status.replyMinutes = shop.settings.replyMinutes;
  return status;
}

/** Recomputes the shop's chat status and tells open streams if it changed. */
export async function broadcastStatus(deps: Deps, shop: Shop): Promise<void> {
  deps.hub.publishStatus(shop.id, await chatStatus(deps, shop));
}
