'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { recordPaperCheck } from '@/lib/screening/commands';

export async function recordPaperCheckAction(input: unknown) {
  const result = await runGuardedCommand(recordPaperCheck, input);
  if (result.ok) revalidatePath('/staff', 'layout');
  return result;
}
