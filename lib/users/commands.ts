import { and, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { assertLockVersion, defineCommand, DomainError } from '@/lib/commands';
import { createUserSchema, updateUserSchema } from './schemas';

const auditedUserFields = (user: { email: string; fullName: string; role: string; regionId: number | null; active: boolean }) => ({
  email: user.email,
  fullName: user.fullName,
  role: user.role,
  regionId: user.regionId,
  active: user.active,
});

export const createUser = defineCommand({
  name: 'users.create',
  permission: 'users.manage',
  schema: createUserSchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        fullName: input.fullName,
        role: input.role,
        regionId: input.regionId,
        passwordHash: await hashPassword(input.password),
      })
      .returning();
    // A taken e-mail is refused on its field (lib/commands.ts DUPLICATE_KEYS).
    await audit({ action: 'users.create', entityType: 'user', entityId: created!.id, after: auditedUserFields(created!) });
    return { id: created!.id };
  },
});

/** Changes role, region, name or active flag. Any change ends the user's current sessions. */
export const updateUser = defineCommand({
  name: 'users.update',
  permission: 'users.manage',
  schema: updateUserSchema,
  regionOf: () => null,
  async run({ input, actor, tx, audit }) {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!current) throw new DomainError('notFound');
    // A user's lock is their session version: saving also signs them out everywhere.
    assertLockVersion(current.sessionVersion, input.lockVersion);
    if (current.id === actor.id && (input.role !== 'admin' || !input.active)) {
      // Keeps the last admin from locking everyone out by accident.
      throw new DomainError('invalidState', { message: 'errors.cannotDemoteSelf' });
    }
    const [updated] = await tx
      .update(users)
      .set({
        fullName: input.fullName,
        role: input.role,
        regionId: input.regionId,
        active: input.active,
        sessionVersion: current.sessionVersion + 1,
      })
      .where(and(eq(users.id, input.userId), eq(users.sessionVersion, input.lockVersion)))
      .returning();
    if (!updated) throw new DomainError('conflict', { message: 'errors.staleEdit' });
    await audit({
      action: 'users.update',
      entityType: 'user',
      entityId: updated.id,
      before: auditedUserFields(current),
      after: auditedUserFields(updated),
    });
    return { id: updated.id };
  },
});
