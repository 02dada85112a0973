import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

/** The registry of political parties that may nominate candidates, kept by admins. */
export const parties = pgTable(
  'parties',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    shortName: text('short_name').notNull(),
    registrationNumber: text('registration_number').notNull().unique(),
    registeredOn: date('registered_on').notNull(),
    /** Inactive parties (deregistered, merged) stay for history but cannot nominate. */
    active: boolean('active').notNull().default(true),
    /** Bumped on every change: an edit made on a stale copy is refused, not applied. */
    lockVersion: integer('version').notNull().default(1),
  },
  (t) => [check('parties_version_positive', sql`${t.lockVersion} > 0`)],
);
