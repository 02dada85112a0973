'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { auth } from '@/lib/auth/auth';
import { getCurrentUser } from '@/lib/auth/guard';
import { endOtherSessions } from '@/lib/auth/sessions';
import type { ActionResult } from '@/lib/commands';

/** Ends the caller's sessions on other devices; manages only the caller's own sessions, like signing out. */
export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  const [user, session] = await Promise.all([getCurrentUser(), auth()]);
  if (!user || !session?.sessionId) return { ok: false, error: 'unauthenticated' };
  const ended = await endOtherSessions(getDb(), user, session.sessionId);
  revalidatePath('/staff/sessions');
  return { ok: true, data: { ended } };
}
