/**
 * Starting and stopping the server: storage, shops, the HTTP listener, and a
 * clean stop (event streams ended, connections drained, database closed).
 */
import { serve, type ServerType } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { MAX_LENGTH, text, type ChatMessage } from '@shopfront/core/schemas.js';
import { createApp } from './app.js';
import { createBus } from './bus/factory.js';
import { ChatHub } from './chat-hub.js';
import { EVERY_TAG, ReadCache, faqTag } from './read-cache.js';
import { ConfigError, isPersistent, resolveConfig, type ServerConfig, type ServerOptions } from './config.js';
import type { Deps } from './deps.js';
import { seedDemoShop } from './demo/seed.js';
import { EmailQueue } from './email/queue.js';
import { RatingsSync } from './services/shopify-ratings.js';
import { smtpTransport } from './email/transport.js';
import { HotReads } from './hot-reads.js';
import { MediaStore } from './media.js';
import { SHOPS_TAG, ShopCache } from './shop-cache.js';
import { ensureAgent, setAvailability, type LoginHint } from './services/agents.js';
import { postMessage } from './services/chat.js';
import { startEarningSweeps } from './services/earning.js';
import { moderateReview } from './services/reviews.js';
import { applyShopConfig, readShopConfigFile } from './services/shops.js';
import { fileProblem } from './startup-errors.js';
import { createStorage } from './storage/factory.js';
import type { Availability, ReviewStatus, Shop, Storage } from './storage/index.js';

export interface RunningServer {
  /** `http://host:port` as this process listens (not the public URL). */
  url: string;
  port: number;
  config: ServerConfig;
  deps: Deps;
  storage: Storage;
  /** The demo shop (or the first configured shop). */
  shop?: Shop;
  login?: LoginHint;
  /** Ends every SSE stream (clients reconnect with Last-Event-ID); returns how many. */
  dropStreams(): number;
  /** Posts an agent's message into a conversation of the main shop, as the inbox would (tests, bots). */
  agentSays(conversationId: string, body: string, agentName?: string): Promise<ChatMessage>;
  /** Sets an agent's availability and tells open streams the new chat status. */
  setAvailability(agentEmail: string, availability: Availability): Promise<void>;
  /** Publishes or rejects a review of the main shop, as the inbox would: cached reads follow, points are awarded. */
  moderateReview(reviewId: string, status: Exclude<ReviewStatus, 'pending'>): Promise<ReviewStatus | undefined>;
  close(): Promise<void>;
}

/**
 * What `agentSays` may store: what every widget can show (the inbox's replies are
 * checked the same way). One stored message outside core's schema would make the
 * conversation's history unreadable for good.
 */
const AgentMessage = z.object({
  body: text(MAX_LENGTH.chatMessage, 1).check(z.refine((body) => body.trim() !== '', 'A message needs text.')),
  authorName: text(MAX_LENGTH.name, 1),
});

/**
 * Creates the data directory and checks it is writable before anything is stored:
 * found out later, it would fail an upload, or lose the first-run inbox login after
 * its agent was already saved. (Only for a database on disk: an in-memory one is
 * for tests and embedding, which should not get a `./data` they did not ask for.)
 */
async function prepareDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(`SHOPFRONT_DATA_DIR must be a writable directory: ${JSON.stringify(dir)} ${fileProblem(error)}`);
  }
}

/** Opens storage, applies shops, seeds the demo on first run and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  if (isPersistent(config.database)) await prepareDataDir(config.dataDir);
  const storage = await createStorage(config);
  const hub = new ChatHub(createBus(config.database), storage.chat);
  const reads = new ReadCache();
  const shops = new ShopCache(storage.shops);
  const hot = new HotReads(reads);
  hub.onInvalidate((tag) => {
    if (tag === SHOPS_TAG || tag === EVERY_TAG) {
      shops.invalidate();
      hot.clear();
    }
    if (tag !== SHOPS_TAG) reads.invalidate(tag);
  });
  const email = new EmailQueue(storage, config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined, { log: config.log });
  const media = new MediaStore(join(config.dataDir, 'media'));
  const deps: Deps = { config, storage, hub, media, reads, shops, hot, email, ratings: new RatingsSync({ storage, config }) };
  let server: ServerType | undefined;
  try {
    await hub.start();
    let shop: Shop | undefined;
    /** The shops whose birthdays and expiries this process sweeps. */
    const swept: number[] = [];
    if (config.shopConfigFile) {
      const file = await readShopConfigFile(config.shopConfigFile);
      for (const shopConfig of file.shops) {
        const applied = await applyShopConfig(storage, shopConfig);
        swept.push(applied.id);
        // Instances already running keep answers made from the shop's old products and FAQ.
        hub.invalidate(faqTag(applied.id));
        shop ??= applied;
      }
    }
    shop = (await seedDemoShop(storage, config)) ?? shop;
    if (shop && !swept.includes(shop.id)) swept.push(shop.id);
    // Instances already running keep the shops' old secrets and settings.
    hub.invalidate(SHOPS_TAG);
    const login = shop ? await ensureAgent(storage, config, shop) : undefined;
    const app = createApp(deps);
    const listening = new Promise<AddressInfo>((resolve, reject) => {
      server = serve(
        {
          fetch: app.fetch,
          port: config.port,
          hostname: config.host,
          // Cached reads the router already answered for an identical request go out before it (./hot-reads.ts).
          createServer: ((options, listener) =>
            createServer(
              options,
              (request, response) => hot.answer(request, response) || listener!(request, response),
            )) as typeof createServer,
        },
        resolve,
      );
      server.once('error', reject);
    });
    const address = await listening;
    const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    const http = server as unknown as Server;
    const sweeps = startEarningSweeps(deps, swept);
    email.start();
    let closing: Promise<void> | undefined;
    return {
      url,
      port: address.port,
      config,
      deps,
      storage,
      shop,
      login,
      dropStreams: () => hub.closeAll(),
      async agentSays(conversationId, body, agentName = 'Sam') {
        const checked = AgentMessage.safeParse({ body, authorName: agentName });
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new Error(`Invalid ${issue?.path.join('.')}: ${issue?.message}`);
        }
        const conversation = shop ? await storage.chat.conversation(shop.id, conversationId) : undefined;
        if (!conversation) throw new Error(`No conversation ${conversationId}`);
        const { message } = await postMessage(deps, conversation, { clientId: randomUUID(), body, author: 'agent', authorName: agentName });
        return message;
      },
      async setAvailability(agentEmail, availability) {
        const agent = await storage.agents.byEmail(agentEmail);
        if (!agent) throw new Error(`No agent ${agentEmail}`);
        await setAvailability(deps, agent, availability);
      },
      async moderateReview(reviewId, status) {
        if (!shop) throw new Error('No main shop to moderate');
        return (await moderateReview(deps, shop, reviewId, status))?.status;
      },
      close: () =>
        (closing ??= (async () => {
          await sweeps.stop();
          hub.closeAll();
          const closed = new Promise<void>((resolve) => http.close(() => resolve()));
          // Ended streams leave idle keep-alive connections: close them as they go idle, and cut the rest after a second.
          const idle = setInterval(() => http.closeIdleConnections(), 20);
          const force = setTimeout(() => http.closeAllConnections(), 1000);
          http.closeIdleConnections();
          await closed;
          clearInterval(idle);
          clearTimeout(force);
          await hub.close();
          // The round under way finishes (a claimed email is marked sent or put back) before the database closes.
          await email.stop();
          // A push of ratings to Shopify under way reads its summaries before the database closes.
          await deps.ratings.idle();
          await storage.close();
        })()),
    };
  } catch (error) {
    (server as unknown as Server | undefined)?.close();
    await hub.close().catch(() => undefined);
    await email.stop();
    await storage.close();
    throw error;
  }
}
