import type { MessageKeys, Messages, NestedKeyOf } from 'next-intl';

/** Every message of the catalogues by its full dotted name: what `t()` of `useTranslations()` takes. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A key that arrives as data — a zod message, a refusal code sent by the server — taken as a
 * message key. The one place a plain string becomes a key: tests/unit/message-keys.test.ts checks
 * that every key written in the code exists in all three catalogues.
 */
export const messageKey = (key: string) => key as MessageKey;
