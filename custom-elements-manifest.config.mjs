// `npm run analyze`: custom-elements.json from the JSDoc of every element, for
// Storybook's autodocs and editors.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.styles.ts', 'packages/*/src/locales/**', 'packages/server/**', 'packages/*/test/**'],
  outdir: '.',
  litelement: true,
};
