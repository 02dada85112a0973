import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request facts for the request log (lib/http/request-log.ts): server.ts opens the context,
 * the auth guard notes who the staff user is. server.ts and the Next.js bundle each get their own
 * copy of this module, so the store lives on a process-wide symbol.
 */
export type RequestContext = { requestId: string; userId?: number };

const KEY = Symbol.for('portal.requestContext');
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Records the signed-in staff user of the request being served, for its log line. */
export function noteRequestUser(userId: number): void {
  const context = requestContext.getStore();
  if (context) context.userId = userId;
}
