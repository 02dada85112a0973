'use server';

import { revalidatePath } from 'next/cache';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auth, signIn, signOut } from '@/lib/auth/auth';
import { clearSignInBlockCommand } from '@/lib/auth/commands';
import { getCurrentUser, runGuardedCommand } from '@/lib/auth/guard';
import { safeStaffCallback, signInSchema } from '@/lib/auth/schemas';
import { endOtherSessions } from '@/lib/auth/sessions';
import type { ActionResult } from '@/lib/commands';

export type SignInResult = { ok: false; error: 'invalid' | 'credentials' | 'throttled'; fieldErrors?: Record<string, string[] | undefined> };

/**
 * Signs in through Auth.js; its `authorize` checks the password, the throttle and the active
 * flag. Wrong e-mail and wrong password give the same answer. On success Auth.js redirects.
 */
export async function signInAction(input: unknown, callbackUrl: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeStaffCallback(String(callbackUrl)) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') return { ok: false, error: 'throttled' };
    if (error instanceof AuthError) return { ok: false, error: 'credentials' };
    throw error; // Next.js signals the success redirect by throwing
  }
  return { ok: false, error: 'credentials' };
}

/** Ends the caller's own session; needs no permission beyond holding the session cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

/** Ends the caller's sessions on other devices; manages only the caller's own sessions, like signing out. */
export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  const [user, session] = await Promise.all([getCurrentUser(), auth()]);
  if (!user || !session?.sessionId) return { ok: false, error: 'unauthenticated' };
  const ended = await endOtherSessions(getDb(), user, session.sessionId);
  revalidatePath('/staff/sessions');
  return { ok: true, data: { ended } };
}

export async function clearSignInBlockAction(input: unknown) {
  const result = await runGuardedCommand(clearSignInBlockCommand, input);
  if (result.ok) revalidatePath('/staff/admin/sign-ins');
  return result;
}
