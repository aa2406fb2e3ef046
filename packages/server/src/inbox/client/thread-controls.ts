/** The open thread's controls: who answers it, and reopen, snooze until a time, or resolve. */
import { html, nothing } from 'lit';
import type { AgentList, ConversationRecord, StatusChange } from '../wire.js';
import { standing } from './filters.js';
import { time } from './host.js';

export interface ThreadActions {
  assign(agentId: string | null): void;
  setStatus(change: StatusChange): void;
}

/** `datetime-local` speaks the browser's local time without a zone; the server wants an instant. */
const instant = (local: string) => new Date(local).toISOString();

/** An hour from now, as a `datetime-local` value: the snooze's suggested end. */
function inAnHour(): string {
  const date = new Date(Date.now() + 3_600_000);
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
  return date.toISOString().slice(0, 16);
}

export function renderThreadControls(conversation: ConversationRecord, agents: AgentList['agents'], actions: ThreadActions) {
  const now = standing(conversation);
  const onSnooze = (event: SubmitEvent) => {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('until') as HTMLInputElement;
    if (field.value) actions.setStatus({ status: 'snoozed', until: instant(field.value) });
  };
  return html`<div class="thread-controls">
    <p class="meta" role="status">
      ${now === 'resolved' ? 'Resolved' : now === 'snoozed' ? `Snoozed until ${time(conversation.snoozedUntil!)}` : 'Open'}
    </p>
    <label
      >Assigned to
      <select
        @change=${(event: Event) => actions.assign((event.target as HTMLSelectElement).value || null)}
        .value=${conversation.assigneeId ?? ''}
      >
        <option value="" ?selected=${!conversation.assigneeId}>Nobody</option>
        ${agents.map((agent) => html`<option value=${agent.id} ?selected=${conversation.assigneeId === agent.id}>${agent.name}</option>`)}
      </select></label
    >
    ${
      now === 'resolved'
        ? html`<button type="button" @click=${() => actions.setStatus({ status: 'open' })}>Reopen</button>`
        : html`<form class="snooze" @submit=${onSnooze}>
              <label>Snooze until <input type="datetime-local" name="until" required value=${inAnHour()} /></label>
              <button type="submit">Snooze</button>
            </form>
            ${now === 'snoozed' ? html`<button type="button" @click=${() => actions.setStatus({ status: 'open' })}>Wake now</button>` : nothing}
            <button type="button" class="primary" @click=${() => actions.setStatus({ status: 'resolved' })}>Resolve</button>`
    }
  </div>`;
}
