import { and, eq } from 'drizzle-orm';
import { parties } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import { assertLockVersion, defineCommand, DomainError } from '@/lib/commands';
import { createPartySchema, updatePartySchema } from './schemas';

const AUDITED = ['code', 'nameKk', 'nameRu', 'nameEn', 'shortName', 'registrationNumber', 'registeredOn', 'active'] as const;
const audited = (party: Record<(typeof AUDITED)[number], unknown>) => Object.fromEntries(AUDITED.map((field) => [field, party[field]]));

const notInFuture = (registeredOn: string) => {
  if (registeredOn > todayInKazakhstan()) throw new DomainError('invalid', { fieldErrors: { registeredOn: ['parties.errors.registeredInFuture'] } });
};

export const createParty = defineCommand({
  name: 'parties.create',
  permission: 'parties.manage',
  schema: createPartySchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    notInFuture(input.registeredOn);
    // A repeated code or registration number is refused on its field (lib/commands.ts DUPLICATE_KEYS).
    const [created] = await tx.insert(parties).values(input).returning();
    await audit({ action: 'parties.create', entityType: 'party', entityId: created!.id, after: audited(created!) });
    return { id: created!.id };
  },
});

/** Corrects a party's record or (de)activates it; deactivated parties can no longer nominate. */
export const updateParty = defineCommand({
  name: 'parties.update',
  permission: 'parties.manage',
  schema: updatePartySchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const { partyId, lockVersion, ...values } = input;
    notInFuture(values.registeredOn);
    const [current] = await tx.select().from(parties).where(eq(parties.id, partyId)).for('update');
    if (!current) throw new DomainError('notFound');
    assertLockVersion(current.lockVersion, lockVersion);
    const [updated] = await tx
      .update(parties)
      .set({ ...values, lockVersion: current.lockVersion + 1 })
      .where(and(eq(parties.id, partyId), eq(parties.lockVersion, lockVersion)))
      .returning();
    await audit({ action: 'parties.update', entityType: 'party', entityId: partyId, before: audited(current), after: audited(updated!) });
    return { version: updated!.lockVersion };
  },
});
