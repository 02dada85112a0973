import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadActiveUser } from '@/lib/users/queries';

/**
 * The user behind a session cookie, if the guard would let it in: active, same session version,
 * server-side session in force. Read once per request (React cache) by Auth.js' session check
 * and by the guard alike.
 */
export const loadSessionUser = cache((userId: number, sessionVersion: number, sessionId: string) => loadActiveUser(getDb(), userId, sessionVersion, sessionId));
