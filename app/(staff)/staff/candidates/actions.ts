'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { attestCheck, decide, nominate, updateDocuments, withdraw } from '@/lib/candidates/commands';
import type { ActionResult } from '@/lib/commands';

function refreshCandidates<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath('/staff/candidates', 'layout');
  return result;
}

export async function nominateAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(nominate, input));
}

export async function updateDocumentsAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(updateDocuments, input));
}

export async function attestCheckAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(attestCheck, input));
}

export async function decideAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(decide, input));
}

export async function withdrawAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(withdraw, input));
}
