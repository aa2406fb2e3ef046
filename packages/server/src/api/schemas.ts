/**
 * Wire schemas only the server has (core's are the widgets'): the error body
 * every 4xx and 5xx carries, the admin API's bodies, and the service routes'.
 */
import * as z from 'zod/mini';
import { Id, MAX_LENGTH, text } from '@shopfront/core/schemas.js';

/** `{ error: { message, field } }`: `field` names the parameter or body field at fault (`rating`, `photos.2`, `shop`). */
export const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    field: z.optional(z.string()),
  }),
});

export const PointsChange = z.object({
  customerId: Id,
  /** Positive to award, negative to remove (never below zero). */
  points: z.int().check(z.gte(-1e9), z.lte(1e9)),
  label: text(200, 1),
  firstName: z.optional(text(MAX_LENGTH.name)),
});

export const PointsBalance = z.object({
  customerId: Id,
  points: z.int().check(z.gte(0)),
  lifetimePoints: z.int().check(z.gte(0)),
});

export const CodeUse = z.object({ code: text(64, 1), status: z.literal('used') });

export const Health = z.object({ ok: z.literal(true) });
/** `/healthz`: whether this instance can reach its database, for a load balancer's health check. */
export const Readiness = z.object({
  ok: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  schemaVersion: z.optional(z.number()),
});

/** The OpenAPI document itself: an object, described by the OpenAPI 3.1 specification rather than here. */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) });

/** Names the document gives the server's own schemas. */
export const SERVER_SCHEMAS = { Error: ErrorBody, PointsChange, PointsBalance, CodeUse, Health, OpenApiDocument };
