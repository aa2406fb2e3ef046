import * as z from 'zod/mini';
import { lazy, LoyaltyMember, LoyaltyProgram } from '@shopfront/core';

/** What the badge shows and keeps in the store for an instant next render: the program and the shopper's standing. */
export const LoyaltySnapshot = /* @__PURE__ */ lazy(() => z.object({ program: LoyaltyProgram, member: LoyaltyMember }));
export type LoyaltySnapshot = z.infer<typeof LoyaltySnapshot>;

/** A signed-in member's standing. */
export type Member = Extract<LoyaltyMember, { status: 'member' }>;
