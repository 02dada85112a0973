import { z } from 'zod';
import { atMostChars } from '@/lib/validation/fields';

/** Sign-in form, shared by the form (zodResolver) and the server. Messages are i18n keys. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'errors.required').max(254, atMostChars(254)).pipe(z.email('errors.email')),
  password: z.string().min(1, 'errors.required').max(256, atMostChars(256)),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Where to go after signing in: a staff page the visitor asked for, never another site. */
export function safeStaffCallback(url: string | undefined): string {
  return url && /^\/staff(\/|\?|$)/.test(url) ? url : '/staff';
}
