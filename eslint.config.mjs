// Lint: ESLint's and typescript-eslint's recommended rules, with type information for the
// rules that need it, and the AWS CDK plugin's rules on props interfaces, which fit cdktf.
import js from '@eslint/js';
import awscdk from 'eslint-plugin-awscdk';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdktf.out/', 'terraform-state/', 'schemas/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { awscdk },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'awscdk/no-mutable-property-of-props-interface': 'error',
      'awscdk/require-props-default-doc': 'error',
      'awscdk/require-jsdoc': 'error',
    },
  },
  {
    // zod's records drop a key __proto__ unchecked, and build on {}, which answers to constructor or toString.
    files: ['lib/**/*.ts', 'stacks/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'z', property: 'record', message: 'Maps keyed by names are nameRecord (lib/name-record.ts).' }] },
  },
  {
    // Tests read synthesized Terraform JSON, whose shape is asserted, not typed.
    files: ['__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);
