// ESLint flat config (decision 015): Next's rules, hooks and accessibility for the UI, and
// typescript-eslint with type information for .ts/.tsx. Formatting is Prettier's job, so
// eslint-config-prettier comes last and switches off every stylistic rule.
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

const typeChecked = tseslint.configs.recommendedTypeChecked.map((config) => ({
  ...config,
  files: ['**/*.ts', '**/*.tsx'],
}));

const config = [
  {
    ignores: [
      '.next/**',
      'dist/**',
      'drizzle/**',
      'standards/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      '.data/**',
      'next-env.d.ts',
      'scripts/*.d.mts',
    ],
  },
  ...nextVitals,
  // Next registers the jsx-a11y plugin with a handful of rules; use its full recommended set.
  { rules: jsxA11y.flatConfigs.recommended.rules },
  ...typeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Scrollable regions must take the keyboard focus so they can be scrolled without a mouse
      // (axe: scrollable-region-focusable); a labelled region may therefore be in the tab order.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // JSX event attributes ignore a returned promise by design (react-hook-form's handleSubmit
      // returns one); promises elsewhere are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A leading underscore, or a rest sibling, marks a value left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Layers as the README draws them: routes (app/) use components and the domain, never the
    // other way round; server actions live in lib/<capability>/actions.ts.
    files: ['components/**', 'lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(@/|(\\.\\./)+)app(/|$)', message: 'components/ and lib/ must not import from app/ (routes); put the code in lib/<capability>/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Vitest's asymmetric matchers (expect.any, expect.closeTo) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
];

export default config;
