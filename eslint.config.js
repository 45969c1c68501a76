import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Import boundaries. `no-restricted-imports` from a later config object replaces the options an
 * earlier one set for the same file, so each file set below lists every pattern that applies to it.
 */
const PARENT_IMPORTS = { group: ['../*'], message: 'Use the @/ alias for imports outside this folder' };
const PROJECTOR_IMPORTS = {
  group: ['@/projector/*', '**/projector/*'],
  message: 'The projector is a separate process: web code may not import it. Shared read-model contracts live in db/read (projections.ts, productSearch.ts).',
};
const WEB_IMPORTS = {
  group: ['@/server/*', '@/app/*', '**/server/*', '**/app/*'],
  message: 'The projector may not import the web side (server/, app/): share code through db/ or lib/.',
};
const SERVER_ONLY_MESSAGE = 'This file is browser-safe (it reaches client bundles): no Node built-ins, database or search clients, server services or logger.';
const SERVER_ONLY_PATHS = ['postgres', 'pg', 'drizzle-orm/postgres-js', '@/db/clients', '@/server/services', '@/server/context', '@/lib/logger', 'meilisearch', 'pino'].map(
  (name) => ({ name, message: SERVER_ONLY_MESSAGE }),
);
const SERVER_ONLY_PATTERNS = {
  group: [
    'node:*',
    'postgres/*',
    'pg/*',
    'drizzle-orm/postgres-js/*',
    'meilisearch/*',
    'pino/*',
    // The same modules by relative path (their @/ names are in SERVER_ONLY_PATHS already).
    '**/db/clients',
    '**/server/services',
    '**/server/context',
    '**/lib/logger',
    '../clients',
    '../services',
    '../context',
    '!@/db/clients',
    '!@/server/services',
    '!@/server/context',
    '!@/lib/logger',
  ],
  message: SERVER_ONLY_MESSAGE,
};
const BROWSER_SAFE_FILES = ['server/**/*.input.ts', 'server/domain/**', 'db/read/**', 'db/write/events.ts', 'db/write/eventVersions.ts', 'db/write/statuses.ts'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'e2e/output/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['server/**', 'lib/**', 'db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PROJECTOR_IMPORTS] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PARENT_IMPORTS, PROJECTOR_IMPORTS] }],
    },
  },
  {
    files: ['projector/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [WEB_IMPORTS] }],
    },
  },
  {
    // After the server/ and db/ object: these files keep its projector patterns as well.
    files: BROWSER_SAFE_FILES,
    rules: {
      'no-restricted-imports': ['error', { paths: SERVER_ONLY_PATHS, patterns: [PROJECTOR_IMPORTS, SERVER_ONLY_PATTERNS] }],
    },
  },
];

export default config;
