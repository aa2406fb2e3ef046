// `npm run analyze`: custom-elements.json from the JSDoc of every element, for
// Storybook's autodocs and editors.

/**
 * Events come from the `@fires` JSDoc. The analyzer also guesses events from
 * `dispatchEvent(new SomeEvent(arg))` calls and takes `arg` (a product, a review)
 * for the event's name; our events name themselves, so drop its guesses.
 */
const documentedEventsOnly = {
  name: 'shopfront-documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
      }
    }
  },
};

/**
 * Private and protected members (`#faq`, `private open`) are not API: leave
 * them out, so Storybook's docs list what a shop may use, as the READMEs do.
 */
const publicMembersOnly = {
  name: 'shopfront-public-members-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.customElement || !declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !/^[#_]/.test(member.name),
        );
      }
    }
  },
};

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.styles.ts', 'packages/*/src/locales/**', 'packages/server/**', 'packages/*/test/**'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly, publicMembersOnly],
};
