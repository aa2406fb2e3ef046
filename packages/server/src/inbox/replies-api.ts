/**
 * `/inbox/api/replies`: saved replies written by the shop's people. The inbox
 * inserts one into the agent's reply (the `/` shortcut) with its placeholders
 * filled in; the server never sends one by itself.
 */
import { Id } from '@shopfront/core/schemas.js';
import { defineRoute } from '../api/route.js';
import type { Deps } from '../deps.js';
import { HttpError } from '../http.js';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders.js';
import { Done, SavedReply, SavedReplyInput, SavedReplyList } from './wire.js';

const replyId = { replyId: { schema: Id, description: "The saved reply's id" } };
const placeholders = PLACEHOLDERS.map((name) => `\`{${name}}\``).join(', ');

/** A reply naming a placeholder the inbox cannot fill would reach a shopper as written: refused, naming it. */
function checkPlaceholders(input: SavedReplyInput): void {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length) throw new HttpError(400, `body: unknown placeholder {${unknown[0]}}; known: ${PLACEHOLDERS.join(', ')}.`, 'body');
}

export function repliesApi(deps: Deps) {
  const base = { tags: ['Inbox'], security: 'inbox' } as const;
  const noSuchReply = () => new HttpError(404, 'No such saved reply.', 'replyId');

  return [
    defineRoute({
      ...base,
      method: 'get',
      path: '/inbox/api/replies',
      operationId: 'inboxListSavedReplies',
      summary: "The shop's saved replies, by title",
      responses: { 200: { description: 'The saved replies', schema: SavedReplyList } },
      handler: async ({ agent }) => ({ status: 200, body: { replies: await deps.storage.agents.savedReplies(agent.shopId) } }),
    }),

    defineRoute({
      ...base,
      method: 'post',
      path: '/inbox/api/replies',
      operationId: 'inboxCreateSavedReply',
      summary: 'Write a saved reply',
      description: `Placeholders the inbox fills in when an agent inserts it: ${placeholders}.`,
      body: { json: SavedReplyInput },
      responses: { 201: { description: 'Saved', schema: SavedReply } },
      errors: { 400: 'An unknown placeholder' },
      handler: async ({ agent, body }) => {
        checkPlaceholders(body);
        const saved = await deps.storage.agents.saveReply(agent.shopId, { ...body, authorId: agent.id });
        return { status: 201, body: saved! };
      },
    }),

    defineRoute({
      ...base,
      method: 'put',
      path: '/inbox/api/replies/{replyId}',
      operationId: 'inboxUpdateSavedReply',
      summary: 'Change a saved reply',
      params: replyId,
      body: { json: SavedReplyInput },
      responses: { 200: { description: 'Saved', schema: SavedReply } },
      errors: { 400: 'An unknown placeholder', 404: 'No such saved reply' },
      handler: async ({ agent, params, body }) => {
        checkPlaceholders(body);
        const saved = await deps.storage.agents.saveReply(agent.shopId, { ...body, id: params.replyId, authorId: agent.id });
        if (!saved) throw noSuchReply();
        return { status: 200, body: saved };
      },
    }),

    defineRoute({
      ...base,
      method: 'delete',
      path: '/inbox/api/replies/{replyId}',
      operationId: 'inboxDeleteSavedReply',
      summary: 'Delete a saved reply',
      params: replyId,
      responses: { 200: { description: 'Deleted', schema: Done } },
      errors: { 404: 'No such saved reply' },
      handler: async ({ agent, params }) => {
        if (!(await deps.storage.agents.deleteReply(agent.shopId, params.replyId))) throw noSuchReply();
        return { status: 200, body: { ok: true } };
      },
    }),
  ];
}
