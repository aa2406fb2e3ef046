/**
 * Inbox agents: who is there for the shop's chat, signing in and out (sessions are
 * random tokens of which only the SHA-256 is stored), and the agent every shop
 * starts with.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isPersistent, type ServerConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { generatePassword, hashPassword, verifyPassword } from '../inbox/passwords.js';
import type { AgentRecord, Availability, Shop, Storage } from '../storage/index.js';
import { broadcastStatus } from './chat.js';

/** 32 random bytes, URL-safe: session tokens and CSRF tokens. */
export const randomToken = () => randomBytes(32).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Sets an agent's availability and tells the shop's open streams if its chat status changed. */
export async function setAvailability(deps: Deps, agent: AgentRecord, availability: Availability): Promise<void> {
  await deps.storage.agents.setAvailability(agent.id, availability);
  const shop = await deps.storage.shops.byId(agent.shopId);
  if (shop) await broadcastStatus(deps, shop);
}

export interface AgentSession {
  agent: AgentRecord;
  csrf: string;
  tokenHash: string;
}

/** Checks the password (in the same time whether or not the email is known) and opens a session. */
export async function signIn(deps: Deps, email: string, password: string): Promise<{ token: string; agent: AgentRecord } | undefined> {
  const agent = email ? await deps.storage.agents.byEmail(email) : undefined;
  if (!(await verifyPassword(password, agent?.passwordHash)) || !agent) return undefined;
  return { token: await openSession(deps, agent), agent };
}

/** A new session for `agent`: its token, for the cookie. */
export async function openSession(deps: Deps, agent: AgentRecord): Promise<string> {
  const token = randomToken();
  await deps.storage.agents.createSession(sha256(token), {
    agentId: agent.id,
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + deps.config.sessionHours * 3600_000).toISOString(),
  });
  return token;
}

/** The live session a token opens, with its agent; undefined once expired or signed out. */
export async function sessionOf(deps: Deps, token: string): Promise<AgentSession | undefined> {
  const tokenHash = sha256(token);
  const session = await deps.storage.agents.session(tokenHash);
  if (!session) return undefined;
  const agent = await deps.storage.agents.byId(session.agentId);
  return agent ? { agent, csrf: session.csrfToken, tokenHash } : undefined;
}

export async function signOut(deps: Deps, session: { tokenHash: string }): Promise<void> {
  await deps.storage.agents.deleteSession(session.tokenHash);
}

export interface LoginHint {
  url?: string;
  email: string;
  /** Shown only when this start created the password, or where it came from. */
  password: string;
}

/**
 * Agents for `shop`: the one from SHOPFRONT_AGENT_EMAIL/PASSWORD (updated every
 * start), else on first run a generated one whose password is printed and kept
 * in `<dataDir>/inbox-login.txt` (readable by this user only).
 */
export async function ensureAgent(storage: Storage, config: ServerConfig, shop: Shop): Promise<LoginHint | undefined> {
  if (config.agent) {
    await storage.agents.upsert({
      shopId: shop.id,
      email: config.agent.email,
      name: config.agent.name ?? 'Agent',
      passwordHash: await hashPassword(config.agent.password),
      // The shop's owner: the one who can invite the rest of the team.
      role: 'admin',
    });
    return { email: config.agent.email, password: '(the one in SHOPFRONT_AGENT_PASSWORD)' };
  }
  const file = join(config.dataDir, 'inbox-login.txt');
  const agents = await storage.agents.list(shop.id);
  if (agents.length === 0) {
    const email = 'agent@shopfront.local';
    const password = generatePassword();
    await storage.agents.upsert({ shopId: shop.id, email, name: 'Sam', passwordHash: await hashPassword(password), role: 'admin' });
    if (isPersistent(config.database)) await keepLogin(file, email, password, config.log);
    return { email, password };
  }
  try {
    const [email, password] = (await readFile(file, 'utf8')).split('\n');
    if (email && password && agents.some((agent) => agent.email === email)) return { email, password };
  } catch {
    // No saved first-run login: the agents were configured some other way.
  }
  return {
    email: agents[0]!.email,
    password: '(set when the agent was created; set SHOPFRONT_AGENT_EMAIL and SHOPFRONT_AGENT_PASSWORD to reset it)',
  };
}

/**
 * Saves the first-run login beside the data. The agent is already stored with this
 * password, so a failure here must not stop the start: the password is still
 * printed once, and the note says where it could not be kept.
 */
async function keepLogin(file: string, email: string, password: string, log: (message: string) => void): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${email}\n${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (error) {
    log(
      `Could not keep the inbox login in ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): note the inbox login printed at startup now.`,
    );
  }
}
