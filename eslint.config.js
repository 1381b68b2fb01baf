import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The hexagon rule: the domain (src/core) and the conversation flows (src/dialogs) stay free of
// I/O, so they import no store, adapter, app code, channel SDK or Redis client.
const forbiddenInPureLayers = {
  patterns: [
    { group: ['**/adapters/**', '**/store/**', '**/app/**'], message: 'src/core and src/dialogs must not depend on adapters, store or app.' },
    { group: ['botbuilder*', '@slack/*', 'grammy*', '@grammyjs/*', 'redis', '@redis/*', 'ioredis', 'nodemailer', 'node:fs*', 'node:net', 'node:http*', 'fs', 'net', 'http', 'https'], message: 'src/core and src/dialogs are pure: no I/O, channel SDKs or Redis.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'outbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/dialogs/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', forbiddenInPureLayers] },
  },
);
