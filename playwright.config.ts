import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * e2e runs in Debian's Chromium (no browser downloads here) against the production build (`npm run build`: .next/ and dist/server.js).
 * scripts/test-all.sh prepares the database and the build first; the server gets DATABASE_URL
 * from the environment (or uses a fresh embedded database when it is unset).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production server, page cache included (server.ts).
    // 127.0.0.1 plays the load balancer: e2e/attacks.spec.ts sends clients’ addresses through it.
    command: `PORT=${port} TRUSTED_PROXIES=127.0.0.1 REQUEST_LOG=off node dist/server.js`,
    url: `http://127.0.0.1:${port}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
