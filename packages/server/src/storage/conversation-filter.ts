/**
 * An inbox list's filter as one SQL clause over `conversations`, the same on
 * both databases: each implementation says how its placeholders are spelled
 * (`?`, or `$2`, `$3`… from `first`) and gets the parameters in order.
 */
import type { ConversationFilter } from './chat.js';

export function filterClause(filter: ConversationFilter, placeholder: (index: number) => string, first = 1) {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return placeholder(first + params.length - 1);
  };
  let status: string;
  switch (filter.status) {
    case 'all':
      status = 'TRUE';
      break;
    case 'closed':
      status = "status = 'closed'";
      break;
    case 'open':
      // A snooze that has run out is open again: nothing has to wake it.
      status = `status = 'open' AND (snoozed_until IS NULL OR snoozed_until <= ${bind(filter.now)})`;
      break;
    case 'snoozed':
      status = `status = 'open' AND snoozed_until > ${bind(filter.now)}`;
      break;
  }
  const assignee =
    filter.assignee === undefined ? 'TRUE' : filter.assignee === null ? 'assignee_id IS NULL' : `assignee_id = ${bind(filter.assignee)}`;
  return { sql: `(${status}) AND (${assignee})`, params };
}
