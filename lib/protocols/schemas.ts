import { z } from 'zod';
import { reasonField } from '@/lib/protocol-images/schemas';
import { countField, idField, requiredText } from '@/lib/validation/fields';
import { AKIM_PROTOCOL, protocolShape } from './definition';

/**
 * Command inputs: the protocol's fields as the definition gives them (lib/protocols/definition.ts).
 * The command checks them again against the election's own definition, voting day and ballot.
 */
const figuresShape = protocolShape(AKIM_PROTOCOL);

/** `lockVersion` 0 = the first entry of a protocol that does not exist yet. */
export const enterProtocolSchema = z.object({ precinctId: idField, lockVersion: countField(2_147_483_647), ...figuresShape });
export const resolveMismatchSchema = z.object({ protocolId: idField, lockVersion: idField, ...figuresShape });
/** Without an image of the signed paper, approval needs a written reason (lib/protocol-images). */
export const approveProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, withoutImageReason: reasonField });
export const correctProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, reason: requiredText(10, 2000), ...figuresShape });
/** A reviewer returns the copies under review to data entry, saying why (a wrong paper, a missing page). */
export const returnProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, comment: requiredText(10, 2000) });
export const markOfficialSchema = z.object({ constituencyId: idField });
export const reopenResultsSchema = z.object({ constituencyId: idField, reason: requiredText(10, 2000) });
