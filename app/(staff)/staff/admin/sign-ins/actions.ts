'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { clearSignInBlockCommand } from '@/lib/auth/commands';

export async function clearSignInBlockAction(input: unknown) {
  const result = await runGuardedCommand(clearSignInBlockCommand, input);
  if (result.ok) revalidatePath('/staff/admin/sign-ins');
  return result;
}
