/**
 * The inbox page's client for `/inbox/api`: the session cookie goes along, every
 * write carries the CSRF token, a lost session goes back to the login page, and a
 * refusal becomes an Error with the server's message.
 */
import type { ChatMessage } from '@shopfront/core/schemas.js';
import type {
  AgentList,
  Availability,
  AvailabilityBody,
  ConversationChange,
  ConversationHistory,
  ConversationList,
  Done,
  EmailList,
  InboxMe,
  InviteCreated,
  InviteRequest,
  MemberChange,
  ListAssignee,
  ListStatus,
  Outbox,
  ModerationReview,
  ReviewChange,
  ReviewList,
  SavedReply,
  SavedReplyInput,
  SavedReplyList,
  ShopperContext,
  Role,
  StatusChange,
  Team,
  TeamReport,
} from '../wire.js';

type ReviewStatus = ModerationReview['status'];

const conversationPath = (id: string) => `/conversations/${encodeURIComponent(id)}`;
const reviewPath = (id: string) => `/reviews/${encodeURIComponent(id)}`;

export class InboxApi {
  constructor(private readonly csrf: string) {}

  me = () => this.#request<InboxMe>('/me');
  setAvailability = (availability: Availability) => this.#request<AvailabilityBody>('/me/availability', 'PUT', { availability });
  signOut = () => this.#request<Done>('/logout', 'POST');

  conversations = (status: ListStatus, assignee: ListAssignee) =>
    this.#request<ConversationList>(`/conversations?${new URLSearchParams({ status, assignee })}`);
  agents = () => this.#request<AgentList>('/agents');
  report = (days: number) => this.#request<TeamReport>(`/report?days=${days}`);
  assign = (id: string, agentId: string | null) =>
    this.#request<ConversationChange>(`${conversationPath(id)}/assignee`, 'PUT', { agentId });
  /** One page of a conversation's messages after sequence number `after`; the server caps a page's length. */
  history = (id: string, after = 0) => this.#request<ConversationHistory>(`${conversationPath(id)}/messages?after=${after}`);
  reply = (id: string, body: string) =>
    this.#request<ChatMessage>(`${conversationPath(id)}/messages`, 'POST', { clientId: crypto.randomUUID(), body });
  shopperContext = (id: string) => this.#request<ShopperContext>(`${conversationPath(id)}/context`);
  markRead = (id: string, seq: number) => this.#request<Done>(`${conversationPath(id)}/read`, 'POST', { seq });
  typing = (id: string, active: boolean) => this.#request<Done>(`${conversationPath(id)}/typing`, 'POST', { active });
  setConversationStatus = (id: string, change: StatusChange) =>
    this.#request<ConversationChange>(`${conversationPath(id)}/status`, 'POST', change);

  savedReplies = () => this.#request<SavedReplyList>('/replies');
  createReply = (reply: SavedReplyInput) => this.#request<SavedReply>('/replies', 'POST', reply);
  updateReply = (id: string, reply: SavedReplyInput) => this.#request<SavedReply>(`/replies/${encodeURIComponent(id)}`, 'PUT', reply);
  deleteReply = (id: string) => this.#request<Done>(`/replies/${encodeURIComponent(id)}`, 'DELETE');

  team = () => this.#request<Team>('/team');
  invite = (invite: InviteRequest) => this.#request<InviteCreated>('/invites', 'POST', invite);
  revokeInvite = (id: string) => this.#request<Done>(`/invites/${encodeURIComponent(id)}`, 'DELETE');
  setRole = (agentId: string, role: Role) => this.#request<MemberChange>(`/agents/${encodeURIComponent(agentId)}/role`, 'PUT', { role });
  removeAgent = (agentId: string) => this.#request<Done>(`/agents/${encodeURIComponent(agentId)}`, 'DELETE');

  emails = () => this.#request<EmailList>('/emails');
  outbox = () => this.#request<Outbox>('/outbox');

  reviews = (status: ReviewStatus) => this.#request<ReviewList>(`/reviews?status=${status}`);
  moderate = (id: string, status: Exclude<ReviewStatus, 'pending'>) =>
    this.#request<ReviewChange>(`${reviewPath(id)}/status`, 'POST', { status });
  replyToReview = (id: string, body: string) => this.#request<ReviewChange>(`${reviewPath(id)}/reply`, 'POST', { body });

  async #request<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const response = await fetch(`/inbox/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method !== 'GET' ? { 'X-CSRF-Token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      location.assign('/inbox/login');
      throw new Error('Signed out');
    }
    const data = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
    if (!response.ok) throw new Error(data.error?.message ?? `The server answered ${response.status}.`);
    return data;
  }
}
