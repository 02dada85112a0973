'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import {
  attestCheck,
  decide,
  decideCancellation,
  nominate,
  proposeCancellation,
  recordBallotsPrinted,
  recordDepositRefund,
  recordElectedAkim,
  updateDocuments,
  withdraw,
} from '@/lib/candidates/commands';
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

export async function proposeCancellationAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(proposeCancellation, input));
}

export async function decideCancellationAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(decideCancellation, input));
}

export async function recordDepositRefundAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(recordDepositRefund, input));
}

export async function recordBallotsPrintedAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(recordBallotsPrinted, input));
}

export async function recordElectedAkimAction(input: unknown) {
  return refreshCandidates(await runGuardedCommand(recordElectedAkim, input));
}
