// Lint, and the layering rules of docs/architecture.md: each folder says where its code runs.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier/flat'

const noElectron = { name: 'electron', message: 'Only src-main/hosts/electron and src-preload may import electron.' }

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.work/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  // src-shared: pure TypeScript, no Node, no DOM, no Electron.
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', '../src-main/*', '../../src-main/*', '**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared imports nothing outside itself.'
            }
          ]
        }
      ]
    }
  },
  // Services and tools are host-neutral Node: never electron.
  {
    files: [
      'src-main/services/**/*.ts',
      'src-main/rpc/**/*.ts',
      'src-main/hosts/browser/**/*.ts',
      'src-main/hosts/media-files.ts',
      'src-main/app-core.ts',
      'src-main/cli/**/*.ts',
      'src-main/util/**/*.ts',
      'src-main/security/**/*.ts',
      'tools/**/*.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/hosts/electron/**'], message: 'Services never depend on a host.' }]
        }
      ]
    }
  },
  // The renderer: only src-shared, and only types from anywhere else.
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/src-main/**', 'node:*'],
              allowTypeImports: true,
              message: 'The renderer talks to main only through the transport.'
            }
          ]
        }
      ]
    }
  },
  prettier
)
