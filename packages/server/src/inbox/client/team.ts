/**
 * The team tab: who answers for the shop and as what. Every agent sees the
 * team; an admin also invites people by email (the link goes to their address,
 * or shows in the outbox when the server sends no mail), withdraws invites,
 * changes roles and removes agents. The server decides who may; this tab only
 * hides what would be refused.
 */
import { html, nothing } from 'lit';
import { MAX_LENGTH } from '@shopfront/core/schemas.js';
import type { PendingInvite, Role, TeamMember } from '../wire.js';
import { time, type InboxHost } from './host.js';

const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', agent: 'Agent' };

export class TeamTab {
  agents: TeamMember[] = [];
  invites: PendingInvite[] = [];
  /** The signed-in agent; their role decides what the tab offers. */
  me?: { id: string; role: Role };
  #notice = '';

  constructor(private readonly host: InboxHost) {}

  get #isAdmin(): boolean {
    return this.me?.role === 'admin';
  }

  async load(): Promise<void> {
    const team = await this.host.api.team();
    this.agents = team.agents;
    this.invites = team.invites ?? [];
    // Another admin may have changed this agent's role since the page opened.
    const self = this.me && this.agents.find((agent) => agent.id === this.me!.id);
    if (self && this.me) this.me = { ...this.me, role: self.role };
    this.host.requestUpdate();
  }

  #change(action: () => Promise<unknown>, notice: string): void {
    void this.host.run(async () => {
      this.#notice = '';
      await action();
      this.#notice = notice;
      await this.load();
    });
  }

  #onInvite = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const invite = { email: value('email'), name: value('name'), role: value('role') as Role };
    this.#change(async () => {
      await this.host.api.invite(invite);
      form.reset();
    }, `Invited ${invite.email}. The link in their email works once, for 72 hours.`);
  };

  #onRole(agent: TeamMember, event: Event): void {
    const role = (event.target as HTMLSelectElement).value as Role;
    this.#change(() => this.host.api.setRole(agent.id, role), `${agent.name} is now ${role === 'admin' ? 'an admin' : 'an agent'}.`);
  }

  #remove(agent: TeamMember): void {
    if (!confirm(`Remove ${agent.name} (${agent.email}) from the team? They are signed out at once.`)) return;
    this.#change(() => this.host.api.removeAgent(agent.id), `${agent.name} was removed; their conversations are unassigned.`);
  }

  #member(agent: TeamMember) {
    const self = agent.id === this.me?.id;
    const label = `${agent.name}${self ? ' (you)' : ''}`;
    return html`<li class="card">
      <strong>${label}</strong>
      <span class="meta">${agent.email}</span>
      ${
        this.#isAdmin
          ? html`<div class="actions">
              <label
                >Role
                <select aria-label="Role of ${agent.name}" @change=${(event: Event) => this.#onRole(agent, event)}>
                  ${(['admin', 'agent'] as const).map((role) => html`<option value=${role} ?selected=${agent.role === role}>${ROLE_NAMES[role]}</option>`)}
                </select>
              </label>
              ${self ? nothing : html`<button type="button" aria-label="Remove ${agent.name}" @click=${() => this.#remove(agent)}>Remove</button>`}
            </div>`
          : html`<span>${ROLE_NAMES[agent.role]}</span>`
      }
    </li>`;
  }

  #invite(invite: PendingInvite) {
    return html`<li class="card">
      <strong>${invite.name}</strong>
      <span class="meta">${invite.email} · ${ROLE_NAMES[invite.role]}</span>
      <span class="meta"
        >${invite.expired ? `Expired ${time(invite.expiresAt)}: invite again for a new link` : `Link works until ${time(invite.expiresAt)}`}</span
      >
      <div class="actions">
        <button
          type="button"
          aria-label="Withdraw the invite to ${invite.email}"
          @click=${() => this.#change(() => this.host.api.revokeInvite(invite.id), `The invite to ${invite.email} was withdrawn.`)}
        >
          Withdraw
        </button>
      </div>
    </li>`;
  }

  #inviteForm() {
    return html`<form class="card" @submit=${this.#onInvite} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <label for="invite-email">Email</label>
      <input id="invite-email" name="email" type="email" required maxlength="254" autocomplete="off" />
      <label for="invite-name">Name</label>
      <input id="invite-name" name="name" required maxlength=${MAX_LENGTH.name} autocomplete="off" />
      <label for="invite-role">Role</label>
      <select id="invite-role" name="role" aria-describedby="invite-help">
        <option value="agent" selected>Agent: answers chat, emails and reviews</option>
        <option value="admin">Admin: also invites people and changes the team</option>
      </select>
      <p id="invite-help" class="meta">They get an email with a link that sets their password; it works once, for 72 hours.</p>
      <div class="actions"><button class="primary" type="submit">Send invite</button></div>
    </form>`;
  }

  render() {
    return html`<div class="team">
      <p role="status" class="meta">${this.#notice}</p>
      <section aria-labelledby="team-heading">
        <h2 id="team-heading">Team</h2>
        <ul class="cards" aria-label="Agents">
          ${this.agents.map((agent) => this.#member(agent))}
        </ul>
      </section>
      ${
        this.#isAdmin
          ? html`${this.#inviteForm()}
              <section aria-labelledby="invites-heading">
                <h2 id="invites-heading">Invites not taken up</h2>
                ${
                  this.invites.length
                    ? html`<ul class="cards" aria-label="Invites">
                        ${this.invites.map((invite) => this.#invite(invite))}
                      </ul>`
                    : html`<p class="empty">None.</p>`
                }
              </section>`
          : html`<p class="empty">Only an admin can invite people or change the team.</p>`
      }
    </div>`;
  }
}
