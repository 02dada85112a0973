'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { createParty, updateParty } from '@/lib/parties/commands';

export async function createPartyAction(input: unknown) {
  const result = await runGuardedCommand(createParty, input);
  if (result.ok) revalidatePath('/staff/admin/parties');
  return result;
}

export async function updatePartyAction(input: unknown) {
  const result = await runGuardedCommand(updateParty, input);
  if (result.ok) revalidatePath('/staff/admin/parties');
  return result;
}
