import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      'lib/db/generated/**',
      'playwright-report/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Server-side modules hold no React components; names such as
    // useTestDatabase are not hooks there.
    files: ['lib/**', 'bench/**', 'scripts/**'],
    ignores: ['lib/hooks/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Command-line scripts talk to a person on the terminal.
    files: ['scripts/**', 'prisma/seed/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
