import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AdapterError, MemoryAdapter, store, type ChatStatus } from '@shopfront/core';
import '@shopfront/chat-launcher/define.js';
import type { OutboxEntry } from '@shopfront/chat-launcher';

/**
 * `<sf-chat-launcher>`: a floating button with an unread count that opens a
 * live conversation. Each story starts from its own backend (a `MemoryAdapter`
 * with a scripted agent who answers) and its own saved state in the browser
 * (the conversation id and the outbox), as a returning shopper would have.
 * Write a message in the open stories: Sam answers.
 */

const sam = { name: 'Sam' };
const online: ChatStatus = { state: 'online', agents: [sam], replyMinutes: 2 };
const away: ChatStatus = { state: 'away', reason: 'outside-hours', nextOpenAt: new Date(Date.now() + 14 * 3600 * 1000).toISOString() };

const longHistory: Array<[string, string]> = [
  ['visitor', 'Hi! I ordered the Harbour sweater on Monday. When will it arrive?'],
  ['agent', 'Hello! Let me check that for you.'],
  ['agent', 'It left our warehouse yesterday. Tracking says Thursday.'],
  ['visitor', 'Great. Can I still change the size?'],
  ['agent', 'It has shipped, so not on this order, but returns are free within 30 days.'],
  ['visitor', 'Perfect, I will exchange it if it does not fit.'],
  ['agent', 'Sounds good. Anything else I can help with?'],
  ['visitor', 'Do you restock the green one soon?'],
  ['agent', 'Next week! I can let you know here when it is back.'],
  ['visitor', 'Yes please!'],
];

interface Setup {
  status?: ChatStatus;
  /** Lines of an earlier conversation, kept on the "server". */
  history?: Array<[string, string]>;
  /** The shopper has read up to this many messages of the history. */
  read?: number;
  /** Messages written but not sent yet (still in the outbox). */
  outbox?: Array<Partial<OutboxEntry> & { body: string }>;
  /** No network for sending and for the stream (the history was loaded before it went). */
  offline?: boolean;
  /** The backend holds every call after seeding: the loading state, for as long as the story is open. */
  paused?: boolean;
  /** The conversation's history cannot be read (a 503). */
  historyFails?: boolean;
  /** An agent resolves the conversation as soon as the widget listens: it asks how it went. */
  resolved?: boolean;
  /** Storybook parameters beside the adapter (locale, theme). */
  parameters?: Record<string, unknown>;
}

/** A fresh backend and browser state per story: `beforeEach` builds them, the decorator reads the adapter. */
function chatStory(setup: Setup = {}): Pick<StoryObj, 'beforeEach' | 'parameters'> {
  let adapter: MemoryAdapter | undefined;
  return {
    beforeEach: async () => {
      await store.clear();
      // The scripted agent answers what the shopper writes in the story, not the seeded history.
      let seeding = true;
      adapter = new MemoryAdapter({
        chat: {
          status: setup.status ?? online,
          agent: sam,
          replyDelay: 1200,
          replies: () => (seeding ? undefined : 'Thanks! Let me look into that for you.'),
        },
      });
      if (setup.history || setup.outbox) {
        const { id } = await adapter.chat!.start({});
        for (const [author, body] of setup.history ?? []) {
          if (author === 'agent') adapter.agentSays(id, body, sam);
          else await adapter.chat!.send(id, { clientId: crypto.randomUUID(), body });
        }
        await store.set('chat-conversation', id);
        await store.set('chat-read', setup.read ?? setup.history?.length ?? 0);
      }
      if (setup.outbox) {
        const createdAt = new Date().toISOString();
        await store.set(
          'chat-outbox',
          setup.outbox.map((entry) => ({ clientId: crypto.randomUUID(), createdAt, ...entry })),
        );
      }
      seeding = false;
      if (setup.historyFails) adapter.failNext('chat.history', new AdapterError('http', 'Service unavailable', { status: 503 }), 1000);
      if (setup.paused) adapter.pause();
      if (setup.resolved) {
        const chat = adapter.chat!;
        const subscribe = chat.subscribe.bind(chat);
        const resolving = adapter;
        // After the stream has opened (the adapter opens it in a microtask), as the server's event would come.
        chat.subscribe = (id, options, onEvent) => {
          const stop = subscribe(id, options, onEvent);
          setTimeout(() => resolving.resolve(id), 0);
          return stop;
        };
      }
      if (setup.offline) {
        const chat = adapter.chat!;
        chat.send = () => Promise.reject(new TypeError('Failed to fetch'));
        chat.subscribe = (_id, options) => {
          queueMicrotask(() => options.onState?.('closed'));
          return () => {};
        };
      }
    },
    parameters: { ...setup.parameters, shopfront: { adapter: () => adapter } },
  };
}

const meta: Meta = {
  title: 'Widgets/Chat launcher',
  component: 'sf-chat-launcher',
  parameters: { layout: 'fullscreen' },
  args: { open: false, corner: 'bottom-end', greeting: '', askName: '', askEmail: '' },
  argTypes: {
    corner: { control: 'inline-radio', options: ['bottom-end', 'bottom-start', 'top-end', 'top-start'] },
    askName: { control: 'inline-radio', options: ['', 'optional', 'required'] },
    askEmail: { control: 'inline-radio', options: ['', 'optional', 'required'] },
  },
  // The launcher is fixed to the window: a transformed box the size of the window stands in for it, so stories stay apart in the docs.
  render: (args) =>
    html`<div
      style="position: relative; box-sizing: border-box; block-size: 100vh; margin: -1rem; overflow: hidden; transform: translateZ(0); padding: 1rem"
    >
      <p>The shop's page.</p>
      <sf-chat-launcher
        ?open=${args.open}
        corner=${args.corner}
        greeting=${ifDefined(args.greeting || undefined)}
        ask-name=${ifDefined(args.askName || undefined)}
        ask-email=${ifDefined(args.askEmail || undefined)}
      ></sf-chat-launcher>
    </div>`,
};
export default meta;

type Story = StoryObj;

/** A first visit: only the button, until the shopper opens it. */
export const Closed: Story = { ...chatStory() };

/** Opened for the first time: the greeting and an empty conversation, ready for the first message. */
export const Empty: Story = { tags: ['state:empty'], args: { open: true }, ...chatStory() };

/** The backend has not answered yet: the composer waits behind a placeholder. */
export const Loading: Story = { tags: ['state:loading'], args: { open: true }, ...chatStory({ paused: true }) };

/** A returning conversation whose history could not be read: the error state, with a retry. */
export const ErrorState: Story = {
  tags: ['state:error'],
  args: { open: true },
  ...chatStory({ history: longHistory.slice(0, 3), historyFails: true }),
};

/** A returning shopper with replies they have not read: the badge counts them, in every tab. */
export const Unread: Story = { tags: ['state:unread'], ...chatStory({ history: longHistory.slice(0, 3), read: 1 }) };

/** The conversation so far, restored from the server, ordered by sequence. */
export const OpenWithLongHistory: Story = {
  tags: ['state:full', 'state:long-conversation'],
  args: { open: true },
  ...chatStory({ history: longHistory }),
};

/** A first conversation that asks for a name and an email before it starts. */
export const PreChatForm: Story = { args: { open: true, askName: 'optional', askEmail: 'required' }, ...chatStory() };

/** Nobody is there: the panel says so and takes an email for the reply instead of pretending. */
export const AwayWithEmailCapture: Story = {
  tags: ['state:away'],
  args: { open: true },
  ...chatStory({ status: away, history: longHistory.slice(0, 2) }),
};

/** Written offline: the messages wait in the outbox (they survive a reload) and go out in order when the connection is back. */
export const OfflineWithQueuedMessages: Story = {
  tags: ['state:offline'],
  args: { open: true },
  ...chatStory({
    history: longHistory.slice(0, 3),
    outbox: [{ body: 'Are you still there?' }, { body: 'I am on a train, I will read your answer later.' }],
    offline: true,
  }),
};

/** How it went: Sam resolved the conversation, and the panel asks for 1 to 5 stars (arrow keys move between them) and a comment. */
export const RatingAfterResolve: Story = {
  args: { open: true },
  ...chatStory({
    history: [...longHistory.slice(0, 5), ['visitor', 'Thank you, that is all!'], ['agent', 'Happy to help. I will close this chat now.']],
    resolved: true,
  }),
};

/** The shop refused a message: it is marked "Not sent" with a retry. */
export const FailedMessage: Story = {
  args: { open: true },
  ...chatStory({ history: longHistory.slice(0, 2), outbox: [{ body: 'Here is my order number: 10042', rejected: true }] }),
};

/** Arabic, right to left: the launcher moves to the mirrored corner. */
export const RightToLeft: Story = {
  args: { open: true },
  ...chatStory({ history: longHistory.slice(0, 4), parameters: { locale: 'ar' } }),
};

/** The dark scheme, from the `theme` setting. */
export const Dark: Story = { args: { open: true }, ...chatStory({ history: longHistory.slice(0, 5), parameters: { theme: 'dark' } }) };

/** A shop's own look: core tokens plus the chat's `--sf-chat-*` properties, with `light-dark()` colours so the dark scheme stays readable. */
export const Themed: Story = {
  args: {
    open: true,
    '--sf-color-accent': 'light-dark(#0f766e, #5eead4)',
    '--sf-radius': '4px',
    '--sf-font-family': 'Georgia, serif',
    '--sf-chat-launcher-radius': '12px',
    '--sf-chat-agent-background': 'light-dark(#ecfdf5, #134e4a)',
    '--sf-chat-panel-width': '22rem',
  },
  ...chatStory({ history: longHistory.slice(0, 5) }),
};
