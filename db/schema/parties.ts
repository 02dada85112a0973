import { pgTable, serial, text } from 'drizzle-orm/pg-core';

export const parties = pgTable('parties', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
});
