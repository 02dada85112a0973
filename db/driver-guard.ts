/**
 * postgres.js 3.4.9 can throw from a setImmediate after its socket closed, e.g. when PostgreSQL
 * restarts (upstream issues porsager/postgres#1154 and #1208, fix not released). The query has
 * already been rejected with CONNECTION_CLOSED and reported to the user, but the stray throw is
 * uncaught and would end the process. This guard swallows exactly that error and passes every
 * other uncaught exception on as before (or ends the process, as Node would).
 */
export function isPostgresClosedSocketRace(error: unknown): boolean {
  return error instanceof TypeError && error.message.includes("reading 'write'") && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '');
}

export function guardPostgresClosedSocketRace(): () => void {
  const previous = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  const guard = (error: Error, origin: NodeJS.UncaughtExceptionOrigin) => {
    if (isPostgresClosedSocketRace(error)) {
      console.warn('Ignored a postgres.js write on a closed connection (porsager/postgres#1154); its query was already reported failed.');
      return;
    }
    if (previous.length === 0) {
      console.error(error);
      process.exit(1);
    }
    for (const listener of previous) listener(error, origin);
  };
  process.on('uncaughtException', guard);
  return () => {
    process.off('uncaughtException', guard);
    for (const listener of previous) process.on('uncaughtException', listener);
  };
}
