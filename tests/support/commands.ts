import type { Database } from '@/db/client';
import { executeCommand, type ActionResult } from '@/lib/commands';

/** Runs a command as a user against the test database (read when the command runs: it is created in beforeAll). */
export const commandRunner =
  (db: () => Database) =>
  <T>(command: Parameters<typeof executeCommand>[1], actor: { id: number } | null, input: unknown) =>
    executeCommand(db(), command, actor, input) as Promise<ActionResult<T>>;

export function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.data;
}
