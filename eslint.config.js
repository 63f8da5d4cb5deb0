// Lint: typescript-eslint with type information for the rules that catch real bugs in async
// code (floating promises, promises where a callback is expected, non-exhaustive switches), and
// import boundaries that encode the layering (docs/architecture.md):
//   domain → nothing; nlu → nothing of ours; db, crypto, config, queue, i18n → each other and
//   domain, never the layers above; kernel → those; conversation → kernel and below; features →
//   kernel, conversation, nlu and each other's index.ts only, no framework (Nest, BullMQ, grammY,
//   wechaty); channels → kernel and below, never features or conversation; platform → all libs;
//   apps → public entry points only. Nothing in libs imports apps, or another lib by a path.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = ['@nestjs/*', 'grammy', 'grammy/*', '@grammyjs/*', 'wechaty', 'wechaty-*', '@prisma/*', 'bullmq', 'ioredis', 'express', 'pg'];
const lib = (name) => `@baiying/${name}`;
/** Reaching into another lib's files by a relative path (instead of its @baiying entry point). */
const BY_PATH = ['**/apps/**', '../../*/src/**', '../../../*/src/**'];
const forbid = (...groups) => ['error', { patterns: [{ group: groups.flat(), message: 'This import crosses a layer boundary (see docs/architecture.md).' }] }];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'libs/db/src/generated/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      // Full-width spaces (U+3000) are part of Chinese text in messages.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // --- the console (apps/console): Vue single-file components, typed by its own tsconfig --------
  ...vue.configs['flat/recommended'].map((c) => ({ ...c, files: ['apps/console/**/*.vue'] })),
  {
    files: ['apps/console/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], projectService: true, tsconfigRootDir: import.meta.dirname } },
    // vue-tsc type-checks the components (npm run typecheck): undefined names are its job.
    rules: { 'no-undef': 'off' },
  },
  // --- boundaries ------------------------------------------------------------------------------
  { files: ['libs/domain/**/*.ts'], rules: { 'no-restricted-imports': forbid(FRAMEWORKS, ['@baiying/*', 'zod']) } },
  { files: ['libs/contracts/**/*.ts'], rules: { 'no-restricted-imports': forbid(FRAMEWORKS, ['@baiying/*', 'zod']) } },
  { files: ['libs/nlu/**/*.ts'], rules: { 'no-restricted-imports': forbid(FRAMEWORKS, ['@baiying/*']) } },
  {
    files: ['libs/{db,crypto,config,queue,i18n}/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['@nestjs/*', 'grammy', 'wechaty'], ['kernel', 'conversation', 'features', 'channels', 'platform'].map(lib), [
        '**/apps/**',
      ]),
    },
  },
  {
    files: ['libs/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['@nestjs/*', 'grammy', 'grammy/*', 'wechaty', '@grammyjs/*'],
        ['conversation', 'features', 'channels', 'platform'].map(lib),
        BY_PATH,
      ),
    },
  },
  {
    files: ['libs/conversation/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['@nestjs/*', 'grammy', 'grammy/*', 'wechaty', '@grammyjs/*', 'bullmq'], ['features', 'channels', 'platform'].map(lib), [
        '**/apps/**',
      ]),
    },
  },
  {
    // A feature reaches another feature only through its index.ts; it never knows a chat
    // platform (channel capabilities come through the ChannelDirectory in DeskDeps).
    files: ['libs/features/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['grammy', 'grammy/*', 'wechaty', '@grammyjs/*', 'bullmq'], ['channels', 'platform', 'features'].map(lib), [
        '**/apps/**',
        '../*/*',
        '!../*/index.js',
      ]),
    },
  },
  {
    files: ['libs/channels/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(['@nestjs/*'], ['features', 'conversation', 'platform'].map(lib), BY_PATH) },
  },
  { files: ['libs/platform/**/*.ts'], rules: { 'no-restricted-imports': forbid(BY_PATH) } },
  {
    // Apps wire: they import libraries' public entry points, never their files.
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(['**/libs/**', '@baiying/*/src/*', '@baiying/features/*']) },
  },
  prettier,
);
