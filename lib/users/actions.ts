'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { endUserSessions } from '@/lib/auth/commands';
import { createUser, updateUser } from '@/lib/users/commands';

export async function createUserAction(input: unknown) {
  const result = await runGuardedCommand(createUser, input);
  if (result.ok) revalidatePath('/staff/admin/users');
  return result;
}

export async function updateUserAction(input: unknown) {
  const result = await runGuardedCommand(updateUser, input);
  if (result.ok) revalidatePath('/staff/admin/users');
  return result;
}

export async function endUserSessionsAction(input: unknown) {
  const result = await runGuardedCommand(endUserSessions, input);
  if (result.ok) revalidatePath('/staff/admin/users');
  return result;
}
