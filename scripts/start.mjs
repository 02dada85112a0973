/**
 * `npm start`: builds the portal when there is no build or the sources changed since the last
 * one, then runs the built server in this very process (npm execs it: `npm → node`), so a
 * supervisor's SIGTERM reaches the server and stops it gracefully. The server migrates the
 * database at start and, when it is the embedded one and empty, loads the demo election.
 */
import { builtFile, buildApp, buildServer, isStale } from './build.mjs';

if (isStale({ withApp: true })) {
  console.log('Building the portal (first run, or sources changed since the last build)…');
  buildApp();
  await buildServer();
}
await import(builtFile('server'));
