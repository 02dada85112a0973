import { freshIin } from './iin';

/**
 * What the nomination form sends: a self-nominee born on 14 March 1980 with every document in and
 * the deposit paid; a test overrides what it is about (route, dates, name). The IIN is a fresh
 * valid one for the birth date unless given.
 */
export function nominationForm(electionId: number, constituencyId: number, overrides: Record<string, unknown> & { birthDate?: string } = {}) {
  const birthDate = overrides.birthDate ?? '1980-03-14';
  return {
    electionId,
    constituencyId,
    fullName: 'Серік Болатұлы Оспанов',
    iin: freshIin(birthDate),
    birthDate,
    sex: 'male',
    education: 'Higher',
    currentPosition: '',
    nominationRoute: 'self',
    partyId: '' as string | number,
    applicationReceived: true,
    assetDeclarationsReceived: true,
    depositAmount: 350000,
    depositPaidOn: '2023-09-20',
    supportingSignatures: 300 as number | string,
    ...overrides,
  };
}
