// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Ambient time and randomness break determinism: model code draws both from the engine. */
const determinismBans = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use a named RandomStream from the engine (sim.rng(name)).' },
    { object: 'Date', property: 'now', message: 'Model code reads simulation time (sim.now), never the wall clock.' },
    { object: 'performance', property: 'now', message: 'Model code reads simulation time (sim.now), never the wall clock.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Schedule on the simulation clock instead.' },
    { name: 'setInterval', message: 'Schedule on the simulation clock instead.' },
    { name: 'setImmediate', message: 'Schedule on the simulation clock instead.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'Model code never reads the wall clock.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.ci/out/**', 'docs/api/**', 'results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (CI helpers) use Node's globals.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/market/src/**/*.ts', 'packages/policy/src/**/*.ts', 'packages/scenario/src/model/**/*.ts'],
    rules: determinismBans,
  },
);
