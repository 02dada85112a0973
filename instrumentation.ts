/** Runs once when a server starts: fail fast on missing configuration, then migrate (and seed the demo). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { resolveAuthSecret } = await import('./lib/auth/secret');
  try {
    resolveAuthSecret();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (process.env.DATABASE_URL) (await import('./db/driver-guard')).guardPostgresClosedSocketRace();
  const { prepareDatabase } = await import('./db/bootstrap');
  await prepareDatabase();
  const { sweepOrphanFilesInBackground } = await import('./lib/protocol-images/files');
  sweepOrphanFilesInBackground();
}
