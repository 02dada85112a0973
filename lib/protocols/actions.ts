'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import type { ActionResult } from '@/lib/commands';
import { approveProtocol, correctProtocol, enterProtocol, markResultsOfficial, reopenResults, resolveMismatch, returnProtocol } from '@/lib/protocols/commands';

function refreshProtocols<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath('/staff/protocols', 'layout');
  return result;
}

export async function enterProtocolAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(enterProtocol, input));
}

export async function resolveMismatchAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(resolveMismatch, input));
}

export async function approveProtocolAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(approveProtocol, input));
}

export async function returnProtocolAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(returnProtocol, input));
}

export async function correctProtocolAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(correctProtocol, input));
}

export async function markResultsOfficialAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(markResultsOfficial, input));
}

export async function reopenResultsAction(input: unknown) {
  return refreshProtocols(await runGuardedCommand(reopenResults, input));
}
