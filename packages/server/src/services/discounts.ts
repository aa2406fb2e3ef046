/**
 * Discount codes that work where the shopper pays. A redemption's code is made
 * here, then handed to the shop's checkout through one port, chosen by the
 * shop's settings:
 *
 * - `list` (the default): the code is only in Shopfront; the shop imports the
 *   list (`GET /api/v1/admin/discounts`, CSV) into its checkout, or checks a code
 *   at checkout with `POST /admin/codes/{code}/use`.
 * - `webhook` (`discounts.webhookUrl`): a signed POST to the shop's own backend,
 *   which creates the code in its checkout; any 2xx confirms it.
 * - `shopify`: the Admin API's `discountCodeBasicCreate` (`shopifyDiscountPort`).
 *
 * The member gets the code only once the port confirmed it. When the port
 * fails, the redemption is undone (the points go back) and the shopper is told
 * to try again: a code that no checkout accepts is never shown.
 */
import type { Redemption, Reward } from '@shopfront/core/schemas.js';
import { WEBHOOK_SIGNATURE_HEADER, bodySignature } from '../api/security.js';
import { createDiscountCode, type DiscountValue } from '../shopify/admin-operations.js';
import type { Deps } from '../deps.js';
import { AdminClient } from '../shopify/admin-api.js';
import type { Shop } from '../storage/index.js';

/** What the checkout needs to honour a code. */
export interface DiscountCode {
  code: string;
  /** The member who alone may use it. */
  customerId: string;
  reward: Pick<Reward, 'id' | 'name' | 'kind' | 'value'>;
  currency: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface DiscountPort {
  readonly name: 'list' | 'webhook' | 'shopify';
  /** Resolves once the checkout will accept the code; throws a `DiscountPortError` otherwise. */
  create(code: DiscountCode): Promise<void>;
}

/** The port could not create the code; `message` says why, for the shop's log (never shown to shoppers). */
export class DiscountPortError extends Error {
  override name = 'DiscountPortError';
}

/** How long the shop's backend has to answer before the redemption is undone. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The event the shop's backend receives, signed like the webhooks it sends us. */
export function discountEvent(code: DiscountCode) {
  return {
    event: 'discount.create' as const,
    code: code.code,
    customerId: code.customerId,
    kind: code.reward.kind,
    ...(code.reward.value !== undefined ? { value: code.reward.value } : {}),
    currency: code.currency,
    rewardId: code.reward.id,
    title: code.reward.name,
    createdAt: code.createdAt,
    expiresAt: code.expiresAt,
    usageLimit: 1,
  };
}

export const listPort: DiscountPort = { name: 'list', create: async () => undefined };

export function webhookPort(shop: Shop, url: string, timeoutMs = WEBHOOK_TIMEOUT_MS): DiscountPort {
  return {
    name: 'webhook',
    async create(code) {
      const body = JSON.stringify(discountEvent(code));
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: bodySignature(shop.secret, body) },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new DiscountPortError(`the discount webhook could not be reached: ${(error as Error).message}`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new DiscountPortError(`the discount webhook answered ${response.status}`);
    },
  };
}

/** The Shopify discount a reward becomes; free shipping and free products need discount types this port does not make. */
function shopifyValue(reward: DiscountCode['reward']): DiscountValue {
  if (reward.kind === 'amount-off' && reward.value) return { type: 'fixed', amount: reward.value };
  if (reward.kind === 'percent-off' && reward.value) return { type: 'percentage', percent: reward.value };
  throw new DiscountPortError(`a ${reward.kind} reward cannot be made a Shopify basic discount`);
}

export function shopifyDiscountPort(client: AdminClient): DiscountPort {
  return {
    name: 'shopify',
    async create(code) {
      try {
        await createDiscountCode(client, {
          code: code.code,
          title: `Shopfront: ${code.reward.name} (${code.code})`,
          customerId: code.customerId,
          value: shopifyValue(code.reward),
          startsAt: new Date(code.createdAt),
          endsAt: code.expiresAt ? new Date(code.expiresAt) : null,
        });
      } catch (error) {
        if (error instanceof DiscountPortError) throw error;
        throw new DiscountPortError(`Shopify refused the discount code: ${(error as Error).message}`);
      }
    },
  };
}

/** The port the shop's settings choose: Shopify for an installed store, else its webhook, else the list. */
export async function discountPortFor(deps: Pick<Deps, 'storage' | 'config'>, shop: Shop): Promise<DiscountPort> {
  const installation = await deps.storage.shopify.installation(shop.id);
  if (installation) {
    return shopifyDiscountPort(
      new AdminClient({ shop: installation.domain, accessToken: installation.accessToken, fetch: deps.config.shopifyFetch }),
    );
  }
  const url = shop.settings.discounts?.webhookUrl;
  return url ? webhookPort(shop, url) : listPort;
}

/** The port's view of a redemption just made. */
export const discountCodeOf = (shop: Shop, customerId: string, reward: DiscountCode['reward'], redemption: Redemption): DiscountCode => ({
  code: redemption.code,
  customerId,
  reward,
  currency: shop.settings.currency,
  createdAt: redemption.createdAt,
  expiresAt: redemption.expiresAt ?? null,
});
