// Lint: TypeScript strictness plus the one-way architecture of ARCHITECTURE.md, enforced rather than hoped for:
//   domain <- import <- storage <- api <- features <- app ; components are shared views; cli is Node-only.
// domain and import stay pure (no React, DOM, fetch or storage) so they run in a worker, in Node and in tests.
// Inside domain, one way too: core <- checks <- revenue, capital, reserves <- years, scenarios; papers (the fixed
// figures of one paper) and board-pack (the printed composition) sit on top, and nothing below imports them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// The folders of src/domain, each its own element. To every other layer they are all simply 'domain'.
const DOMAIN_PARTS = ['core', 'checks', 'revenue', 'capital', 'reserves', 'years', 'scenarios', 'papers', 'board-pack'];
const DOMAIN = DOMAIN_PARTS.map((part) => `domain-${part}`);

const elements = [
  ...DOMAIN_PARTS.map((part) => ({ type: `domain-${part}`, pattern: `src/domain/${part}` })),
  { type: 'import', pattern: 'src/import' },
  { type: 'storage', pattern: 'src/storage' },
  { type: 'api', pattern: 'src/api' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'components', pattern: 'src/components' },
  { type: 'app', pattern: 'src/app' },
  { type: 'cli', pattern: 'src/cli' },
  // The import worker and its client: compose the pure import with storage, off the page's thread.
  { type: 'worker', pattern: 'src/worker' },
];

// 'domain' on either side stands for every folder of src/domain.
const expand = (types) => types.flatMap((type) => (type === 'domain' ? DOMAIN : [type]));
const allow = (from, ...to) => ({
  from: { element: { types: { anyOf: expand([from]) } } },
  allow: { to: { element: { types: { anyOf: expand(to) } } } },
});

// Browser and app-side APIs that the pure core must not touch.
const impureGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'navigator',
  'XMLHttpRequest',
  'location',
  'alert',
].map((name) => ({
  name,
  message: 'src/domain and src/import are pure: pass data in, return values out (ARCHITECTURE.md).',
}));
const appSidePackages = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-router',
  'recharts',
  '@tanstack/*',
  'idb',
  'msw',
  'msw/*',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'public/mockServiceWorker.js',
      'test-results/',
      'playwright-report/',
      'test/e2e/artifacts/',
    ],
  },
  js.configs.recommended,
  // Type-aware: the rules see the types (a floating promise, a promise passed where a void callback is expected).
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off', // checked index access after a bounds test is clearer with `!`
      eqeqeq: 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Numbers in messages and labels are the norm here (`P${month}`); a value that may be undefined or null stays flagged.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowBoolean: true,
          allowRegExp: true,
          allowAny: false,
          allowNullish: false,
          allowNever: false,
        },
      ],
      // `onChange={(e) => setValue(e.target.value)}` is the React idiom; a void returned from a block body stays flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Off: the code checks at its edges what the types promise but a stored record, a browser or jsdom may not keep
      // (`localStorage?.`, `scrollIntoView?.`, `Boolean(stored.flag)`); these rules would delete those checks.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
    },
  },
  // Plain JavaScript (this file, the e2e Chromium check) is outside tsconfig: lint it without types.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries, 'react-hooks': reactHooks },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            // Each folder imports itself and what lies below it; core imports nothing else in the domain.
            allow('domain-core', 'domain-core'),
            allow('domain-checks', 'domain-core', 'domain-checks'),
            allow('domain-revenue', 'domain-core', 'domain-checks', 'domain-revenue'),
            allow('domain-capital', 'domain-core', 'domain-checks', 'domain-capital'),
            allow('domain-reserves', 'domain-core', 'domain-checks', 'domain-reserves'),
            // Checks between two financial years read the reserves and capital models of each.
            allow('domain-years', 'domain-core', 'domain-checks', 'domain-reserves', 'domain-capital', 'domain-years'),
            allow('domain-scenarios', 'domain-core', 'domain-reserves', 'domain-scenarios'),
            // A paper's figures are written in the types of the area they belong to.
            allow(
              'domain-papers',
              'domain-core',
              'domain-checks',
              'domain-revenue',
              'domain-reserves',
              'domain-papers',
            ),
            // The board pack composes every area; it takes one fixed date from a paper (the road casualty commitment year).
            allow(
              'domain-board-pack',
              'domain-core',
              'domain-checks',
              'domain-revenue',
              'domain-capital',
              'domain-reserves',
              'domain-papers',
              'domain-board-pack',
            ),
            allow('import', 'domain', 'import'),
            allow('storage', 'domain', 'import', 'storage'),
            allow('api', 'domain', 'import', 'storage', 'worker', 'api'),
            allow('worker', 'domain', 'import', 'storage', 'worker'),
            allow('components', 'domain', 'import', 'components'),
            // A feature may use the pure core, the shared layers and itself, never another feature.
            allow('feature', 'domain', 'import', 'api', 'components'),
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.feature }}' } } } },
            },
            allow('app', 'domain', 'import', 'storage', 'worker', 'api', 'feature', 'components', 'app'),
            allow('cli', 'domain', 'import', 'cli'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/import/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: appSidePackages,
              message: 'The pure core imports no React, charts, storage or app code (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  // Last: turn off any rule that would fight prettier over layout (prettier owns formatting).
  prettier,
);
