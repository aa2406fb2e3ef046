/**
 * `/api/v1/admin`: for the shop's own backend, never a browser. Authenticated
 * with `Authorization: Bearer <shop secret>`: award or remove points after an
 * order, and mark a discount code used at checkout.
 */
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { Id, text } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { HttpError, parseInput, readJson, type AppEnv } from '../http.js';

const PointsChange = z.object({
  customerId: Id,
  points: z.int().check(z.gte(-1e9), z.lte(1e9)),
  label: text(200, 1),
  firstName: z.optional(text(80)),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function adminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use('/admin/*', async (c, next) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !sameSecret(token, c.get('shop').secret))
      throw new HttpError(401, 'The shop secret is missing or wrong.', 'authorization');
    await next();
  });

  app.post('/admin/loyalty/points', async (c) => {
    const change = parseInput(PointsChange, await readJson(c));
    const member = await deps.storage.adjustPoints(c.get('shop').id, change.customerId, {
      points: change.points,
      label: change.label,
      kind: change.points >= 0 ? 'earn' : 'adjust',
      firstName: change.firstName,
    });
    return c.json({ customerId: member.customerId, points: member.points, lifetimePoints: member.lifetimePoints });
  });

  app.post('/admin/codes/:code/use', async (c) => {
    const code = parseInput(text(64, 1), c.req.param('code'), { prefix: 'code' });
    const result = await deps.storage.useCode(c.get('shop').id, code);
    if (result === 'unknown') throw new HttpError(404, 'No such code.', 'code');
    if (result === 'already-used') throw new HttpError(409, 'This code was already used.', 'code');
    return c.json({ code, status: 'used' });
  });

  return app;
}
