/** The conversation list's filters: by status and by whose, kept in the page as selects, and the test a live change passes. */
import { html } from 'lit';
import type { ConversationRecord, ListAssignee, ListStatus } from '../wire.js';

export interface ListFilter {
  status: Exclude<ListStatus, 'closed'>;
  assignee: ListAssignee;
}

/** Where a conversation stands for the team: resolved (closed), snoozed until a time still to come, or open. */
export function standing(conversation: ConversationRecord, now = Date.now()): 'open' | 'snoozed' | 'resolved' {
  if (conversation.status === 'closed') return 'resolved';
  return conversation.snoozedUntil && Date.parse(conversation.snoozedUntil) > now ? 'snoozed' : 'open';
}

/** Whether a conversation that changed belongs in the list as filtered (the server's rule, applied to one). */
export function matches(conversation: ConversationRecord, filter: ListFilter, agentId: string | undefined): boolean {
  if (filter.status !== 'all' && standing(conversation) !== filter.status) return false;
  if (filter.assignee === 'me') return conversation.assigneeId !== undefined && conversation.assigneeId === agentId;
  if (filter.assignee === 'unassigned') return conversation.assigneeId === undefined;
  return true;
}

const STATUSES: Array<[ListFilter['status'], string]> = [
  ['open', 'Open'],
  ['snoozed', 'Snoozed'],
  ['resolved', 'Resolved'],
  ['all', 'Any status'],
];
const ASSIGNEES: Array<[ListAssignee, string]> = [
  ['all', 'Everyone’s'],
  ['me', 'Mine'],
  ['unassigned', 'Unassigned'],
];

export function renderFilters(filter: ListFilter, onChange: (filter: ListFilter) => void) {
  const select = <K extends keyof ListFilter>(key: K, label: string, options: Array<[ListFilter[K], string]>) =>
    html`<label
      >${label}
      <select
        .value=${filter[key]}
        @change=${(event: Event) => onChange({ ...filter, [key]: (event.target as HTMLSelectElement).value as ListFilter[K] })}
      >
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${filter[key] === value}>${text}</option>`)}
      </select></label
    >`;
  return html`<div class="filters" role="group" aria-label="Show conversations">
    ${select('assignee', 'Whose', ASSIGNEES)} ${select('status', 'Status', STATUSES)}
  </div>`;
}
