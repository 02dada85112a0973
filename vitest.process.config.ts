import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** Tests of the built portal as a process (npm start, signals): they run after `npm run build`. */
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['tests/process/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 60_000, maxWorkers: 1 },
});
