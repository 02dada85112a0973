import { pgTable, serial, text } from 'drizzle-orm/pg-core';

/** The 17 oblasts. `code` is the lower-case slug used in URLs and OCD division ids. */
export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
});
