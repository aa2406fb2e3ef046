// `npm run lint` (after tsc): TypeScript rules, and the lit, wc and lit-a11y
// plugins on every Lit template. Zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'packages/shopify-extension/assets/**',
      'storybook-static/**',
      'node_modules/**',
      'custom-elements.json',
      'data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Elements register in define.ts, apart from the class: importing the class has no
      // side effects, and the loader has one module per tag to import.
      'wc/define-tag-after-class-definition': 'off',
      'wc/tag-name-matches-class': 'off',
    },
  },
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests define small probe elements next to where they are used.
      'wc/no-self-class': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'packages/server/**', 'bench/**/*.mjs', 'test/node/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
