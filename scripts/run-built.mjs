/**
 * `npm run db:migrate|db:seed|user:create|audit:verify`: runs the operational script's built
 * JavaScript (dist/) with plain node, compiling it first when it is missing or older than the
 * sources (a fresh clone, a development machine).
 */
import { builtFile, buildServer, isStale } from './build.mjs';

const [name] = process.argv.splice(2, 1);
if (isStale({ withApp: false })) await buildServer();
await import(builtFile(name));
