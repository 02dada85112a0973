import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { atLeastChars, atMostChars, checkboxField, crossFieldCheck, idField, optionalIdField } from '@/lib/validation/fields';

/** Field atoms and the user-management forms, shared by the forms and the server. */
export const emailField = z.string().trim().toLowerCase().min(1, 'errors.required').max(254, atMostChars(254)).pipe(z.email('errors.email'));
export const fullNameField = z.string().trim().min(2, atLeastChars(2)).max(200, atMostChars(200));
export const roleField = z.enum(ROLES, 'errors.required');
/** Empty select = every region. */
export const regionIdField = optionalIdField;

export const PASSWORD_MIN_LENGTH = 12;
export const passwordField = z.string().min(PASSWORD_MIN_LENGTH, 'errors.passwordTooShort').max(256, atMostChars(256));

/** Operators and reviewers work in one region; admins act everywhere. */
function checkRoleScope(value: Record<string, unknown>, context: z.RefinementCtx) {
  if ((value.role === 'operator' || value.role === 'reviewer') && (value.regionId === null || value.regionId === '' || value.regionId === undefined)) {
    context.addIssue({ code: 'custom', path: ['regionId'], message: 'errors.regionRequired' });
  }
  if (value.role === 'admin' && value.regionId !== null && value.regionId !== '' && value.regionId !== undefined) {
    context.addIssue({ code: 'custom', path: ['regionId'], message: 'errors.adminAllRegions' });
  }
}

export const createUserSchema = z
  .object({
    email: emailField,
    fullName: fullNameField,
    role: roleField,
    regionId: regionIdField,
    password: passwordField,
  })
  .check(
    crossFieldCheck((value, context) => {
      checkRoleScope(value, context);
      if (typeof value.email !== 'string' || typeof value.password !== 'string') return;
      const localPart = value.email.trim().toLowerCase().split('@')[0] ?? '';
      if (localPart.length >= 3 && value.password.toLowerCase().includes(localPart)) {
        context.addIssue({ code: 'custom', path: ['password'], message: 'errors.passwordContainsEmail' });
      }
    }),
  );

export const updateUserSchema = z
  .object({
    userId: idField,
    /** The session version the admin saw: a concurrent change makes this save fail, not overwrite. */
    lockVersion: idField,
    fullName: fullNameField,
    role: roleField,
    regionId: regionIdField,
    active: checkboxField,
  })
  .check(crossFieldCheck(checkRoleScope));
