import { z } from 'zod';
import { slugField } from '@/lib/elections/schemas';
import { checkboxField, idField, isoDateField, requiredText } from '@/lib/validation/fields';

/** The party registry form, shared by the admin's browser and the server. */
const partyFields = {
  code: slugField,
  nameKk: requiredText(2, 300),
  nameRu: requiredText(2, 300),
  nameEn: requiredText(2, 300),
  shortName: requiredText(1, 40),
  registrationNumber: requiredText(1, 40),
  registeredOn: isoDateField,
  active: checkboxField,
};

export const createPartySchema = z.object(partyFields);

export const updatePartySchema = z.object({
  ...partyFields,
  partyId: idField,
  /** The version the admin edited: a concurrent change makes this save fail, not overwrite. */
  lockVersion: idField,
});
