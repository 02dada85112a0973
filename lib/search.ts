/** An ILIKE pattern matching text that contains `text` literally: the user's % and _ are not wildcards. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
