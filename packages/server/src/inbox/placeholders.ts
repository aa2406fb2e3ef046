/**
 * Saved replies' placeholders: `{first_name}` and the others below, filled in
 * from the shopper beside the conversation when the agent inserts a reply. A
 * placeholder with nothing to fill it stays as written, in the field the agent
 * sends from, so they see it and fill it themselves: nothing is sent by itself.
 */
import type { ShopperContext } from './wire.js';

export const PLACEHOLDERS = ['first_name', 'name', 'email', 'order_number', 'agent_name', 'shop_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PATTERN = /\{([a-z_]+)\}/g;

/** The placeholders a text names that the inbox does not know (a typo, say), each once. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PATTERN)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) => values[name as Placeholder]?.trim() || whole);
}

/** What the placeholders stand for in this conversation: the shopper's name and latest order, the agent, the shop. */
export function placeholderValues(context: ShopperContext | undefined, agentName: string, shopName: string): PlaceholderValues {
  const name = context?.shopper.name;
  return {
    first_name: name?.trim().split(/\s+/)[0],
    name,
    email: context?.shopper.email,
    order_number: context?.orders[0]?.id,
    agent_name: agentName,
    shop_name: shopName,
  };
}
