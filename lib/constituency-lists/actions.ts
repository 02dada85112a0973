'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import type { ActionResult } from '@/lib/commands';
import { approveRevision, importPrecinctFile, returnRevision, saveDraft, startRevision, submitRevision } from '@/lib/constituency-lists/commands';

function refreshLists<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath('/staff/lists', 'layout');
  return result;
}

export async function startRevisionAction(input: unknown) {
  return refreshLists(await runGuardedCommand(startRevision, input));
}

export async function saveDraftAction(input: unknown) {
  return refreshLists(await runGuardedCommand(saveDraft, input));
}

export async function importPrecinctFileAction(input: unknown) {
  return refreshLists(await runGuardedCommand(importPrecinctFile, input));
}

export async function submitRevisionAction(input: unknown) {
  return refreshLists(await runGuardedCommand(submitRevision, input));
}

export async function returnRevisionAction(input: unknown) {
  return refreshLists(await runGuardedCommand(returnRevision, input));
}

export async function approveRevisionAction(input: unknown) {
  return refreshLists(await runGuardedCommand(approveRevision, input));
}
