import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
      '.scratch*/**',
      'db/migrations/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // The data layer is plain TypeScript: the CLI and tests use exactly what the app uses.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron', 'vue', 'pinia', 'naive-ui'], patterns: ['**/electron/**', '**/renderer/**'] },
      ],
    },
  },
  {
    // The core serves both hosts: a handler never knows whether IPC or HTTPS carried its call.
    // The store client (the desktop as a desk of the server) is plain Node as well.
    files: ['server/core/**/*.ts', 'server/contract/**/*.ts', 'server/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fastify', 'vue', 'pinia', 'naive-ui'],
          patterns: ['**/electron/**', '**/renderer/**', '**/server/http/**', '@fastify/*'],
        },
      ],
    },
  },
  {
    // The renderer talks to main only through the contract; of db/ it may use types and pure rules.
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'drizzle-orm', 'exceljs'],
          patterns: [
            {
              // db/print/charts: the chart options shared by the screen and the printed reports (pure).
              group: [
                '**/db/services/**',
                '**/db/schema/**',
                '**/db/*',
                '!**/db/rules',
                '!**/db/print',
                '**/db/print/*',
                '!**/db/print/charts',
              ],
              allowTypeImports: true,
              message: '渲染进程只能使用 db/ 的类型、db/rules 中的纯规则和 db/print/charts 中的图表配置',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/e2e/support/electron-double.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
