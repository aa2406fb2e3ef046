/**
 * The states a theme designer must be able to style, per widget: the one place
 * the story sweep (`test/node/storybook.test.ts`) reads them from. A story shows
 * a state by carrying its tag (`tags: ['state:loading']`: a literal, as Storybook's
 * indexer reads tags without running the file); the sweep fails,
 * naming the widget and the state, when a widget has no story for one of them.
 */

/** What every widget shows at some point: data is on its way, absent, broken, cut off, or all there. */
export const commonStates = ['loading', 'empty', 'error', 'offline', 'full'] as const;

export type State = (typeof commonStates)[number] | 'away' | 'unread' | 'long-conversation';

export interface WidgetStates {
  /** The custom element. */
  tag: string;
  /** Its stories' title in the sidebar. */
  title: string;
  states: readonly State[];
}

export const widgetStates: readonly WidgetStates[] = [
  { tag: 'sf-review-feed', title: 'Widgets/Review feed', states: commonStates },
  { tag: 'sf-loyalty-badge', title: 'Widgets/Loyalty badge', states: commonStates },
  { tag: 'sf-chat-launcher', title: 'Widgets/Chat launcher', states: [...commonStates, 'away', 'unread', 'long-conversation'] },
  { tag: 'sf-faq-search', title: 'Widgets/FAQ search', states: commonStates },
  { tag: 'sf-recently-viewed', title: 'Widgets/Recently viewed', states: commonStates },
  { tag: 'sf-star-rating', title: 'Widgets/Star rating', states: commonStates },
];

/** The tag that marks a story as showing `state`. */
export const stateTag = (state: State): string => `state:${state}`;

/** Tags for a story that shows these states (fixtures; story files spell them out). */
export const states = (...shown: State[]): string[] => shown.map(stateTag);

/** A story as Storybook's `index.json` lists it. */
export interface IndexedStory {
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

/** Every required state with no story, as "widget: no story for the state": empty when all are there. */
export function missingStates(stories: readonly IndexedStory[], required: readonly WidgetStates[] = widgetStates): string[] {
  const problems: string[] = [];
  for (const widget of required) {
    const own = stories.filter((story) => story.title === widget.title);
    for (const state of widget.states) {
      if (!own.some((story) => story.tags?.includes(stateTag(state)))) {
        problems.push(`${widget.tag} (${widget.title}): no story for the "${state}" state (tag it '${stateTag(state)}')`);
      }
    }
    if (own.length < widget.states.length) {
      problems.push(`${widget.tag} (${widget.title}): ${own.length} stories for ${widget.states.length} states`);
    }
  }
  return problems;
}
