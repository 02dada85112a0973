'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { announceElection, archiveElection, createElection, updateElection } from '@/lib/elections/commands';

/** Every staff page and the public site show elections with their phase. */
function revalidateElections() {
  revalidatePath('/', 'layout');
}

export async function createElectionAction(input: unknown) {
  const result = await runGuardedCommand(createElection, input);
  if (result.ok) revalidateElections();
  return result;
}

export async function updateElectionAction(input: unknown) {
  const result = await runGuardedCommand(updateElection, input);
  if (result.ok) revalidateElections();
  return result;
}

export async function announceElectionAction(input: unknown) {
  const result = await runGuardedCommand(announceElection, input);
  if (result.ok) revalidateElections();
  return result;
}

export async function archiveElectionAction(input: unknown) {
  const result = await runGuardedCommand(archiveElection, input);
  if (result.ok) revalidateElections();
  return result;
}
