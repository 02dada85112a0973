import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { executeCommand, type ActionResult, type Command } from '@/lib/commands';
import type { StaffUser } from '@/lib/users/queries';
import { loadSessionUser } from './current';
import { auth } from './auth';
import { isAllowed, type Permission } from './permissions';
import type { z } from 'zod';

/**
 * The signed-in user as the database has them now (role, region and active flag re-read on every
 * request), or null. A session issued before a deactivation or role change no longer matches.
 */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  if (!session?.staffUserId) return null;
  return loadSessionUser(session.staffUserId, session.sessionVersion, session.sessionId);
});

/** For staff pages: anonymous → sign-in page; signed in without permission or region → 403. */
export async function requirePermission(permission: Permission, regionId: number | null = null): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (!isAllowed(user, permission, regionId)) forbidden();
  return user;
}

/** For server actions: runs a command as the session's user through the one guard. */
export async function runGuardedCommand<S extends z.ZodType, R>(command: Command<S, R>, input: unknown): Promise<ActionResult<R>> {
  const session = await auth();
  const actor = session?.staffUserId ? { id: session.staffUserId, sessionVersion: session.sessionVersion, sessionId: session.sessionId } : null;
  return executeCommand(getDb(), command, actor, input);
}
