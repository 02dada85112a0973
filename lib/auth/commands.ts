import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { defineCommand, DomainError } from '@/lib/commands';
import { idField } from '@/lib/validation/fields';
import { endSessionsOf } from './sessions';
import { clearSignInBlock } from './throttle';

/** An admin signs a user out everywhere (a lost phone, a leaving employee): every session of theirs ends at once. */
export const endUserSessions = defineCommand({
  name: 'sessions.endAll',
  permission: 'users.manage',
  schema: z.object({ userId: idField }),
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new DomainError('notFound');
    const ended = await endSessionsOf(tx, user.id);
    await audit({ action: 'sessions.endAll', entityType: 'user', entityId: user.id, after: { sessions: ended } });
    return { ended };
  },
});

/** An admin lifts a sign-in block (the owner asked for help, the attack is over). */
export const clearSignInBlockCommand = defineCommand({
  name: 'auth.signInBlockCleared',
  permission: 'users.manage',
  schema: z.object({ key: z.string().min(1).max(600) }),
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const cleared = await clearSignInBlock(tx, input.key);
    if (!cleared) throw new DomainError('notFound');
    await audit({
      action: 'auth.signInBlockCleared',
      entityType: 'signInBlock',
      entityId: cleared.key,
      before: { scope: cleared.scope, account: cleared.account, address: cleared.address },
    });
    return { key: cleared.key };
  },
});
