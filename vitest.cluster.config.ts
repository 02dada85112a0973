import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** The several-instance layout behind nginx (tests/cluster/): runs after `npm run build`. */
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['tests/cluster/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000, maxWorkers: 1 },
});
