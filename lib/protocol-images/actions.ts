'use server';

import { revalidatePath } from 'next/cache';
import { runGuardedCommand } from '@/lib/auth/guard';
import { approveProtocolScan } from '@/lib/protocol-images/commands';

/** A reviewer approves a corrected image of an approved protocol (uploads go through the upload route). */
export async function approveProtocolScanAction(input: unknown) {
  const result = await runGuardedCommand(approveProtocolScan, input);
  if (result.ok) revalidatePath('/staff/protocols', 'layout');
  return result;
}
