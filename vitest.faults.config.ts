import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** Fault-injection tests: they stop shared services, so they run alone, after the main suite. */
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['tests/faults/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 1 },
});
