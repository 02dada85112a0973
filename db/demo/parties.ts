import type { Names } from './geography';
import type { DemoParty } from './types';

type Registration = Pick<DemoParty, 'shortName' | 'registrationNumber' | 'registeredOn'>;

/**
 * Registry entries of the parties. Short names are the ones in public use; registration numbers
 * and dates are illustrative (the demo needs them, the portal does not know the real ones).
 */
const REGISTRATIONS: Record<string, Registration> = {
  amanat: { shortName: 'AMANAT', registrationNumber: 'DEMO-0001', registeredOn: '1999-03-01' },
  auyl: { shortName: 'Auyl', registrationNumber: 'DEMO-0002', registeredOn: '2000-03-01' },
  'ak-zhol': { shortName: 'Ak Zhol', registrationNumber: 'DEMO-0003', registeredOn: '2002-04-01' },
  'peoples-party': { shortName: 'QHP', registrationNumber: 'DEMO-0004', registeredOn: '2004-06-01' },
  respublica: { shortName: 'Respublica', registrationNumber: 'DEMO-0005', registeredOn: '2023-01-01' },
  nsdp: { shortName: 'JSDP', registrationNumber: 'DEMO-0006', registeredOn: '2006-09-01' },
  baytaq: { shortName: 'Baytaq', registrationNumber: 'DEMO-0007', registeredOn: '2008-02-01' },
};

/** The parties registered in Kazakhstan in 2023. */
const PARTY_NAMES: ({ code: string } & Names)[] = [
  { code: 'amanat', nameKk: '«AMANAT» партиясы', nameRu: 'Партия «AMANAT»', nameEn: 'AMANAT Party' },
  {
    code: 'auyl',
    nameKk: '«Ауыл» халықтық-демократиялық патриоттық партиясы',
    nameRu: 'Народно-демократическая патриотическая партия «Ауыл»',
    nameEn: 'Auyl People’s Democratic Patriotic Party',
  },
  {
    code: 'ak-zhol',
    nameKk: '«Ақ жол» Қазақстанның демократиялық партиясы',
    nameRu: 'Демократическая партия Казахстана «Ак жол»',
    nameEn: 'Ak Zhol Democratic Party of Kazakhstan',
  },
  { code: 'peoples-party', nameKk: 'Қазақстан Халық партиясы', nameRu: 'Народная партия Казахстана', nameEn: 'People’s Party of Kazakhstan' },
  { code: 'respublica', nameKk: '«Respublica» партиясы', nameRu: 'Партия «Respublica»', nameEn: 'Respublica Party' },
  {
    code: 'nsdp',
    nameKk: 'Жалпыұлттық социал-демократиялық партия',
    nameRu: 'Общенациональная социал-демократическая партия',
    nameEn: 'National Social Democratic Party',
  },
  { code: 'baytaq', nameKk: '«Байтақ» жасылдар партиясы', nameRu: 'Партия зелёных «Байтак»', nameEn: 'Baytaq Green Party' },
];

export const PARTIES: DemoParty[] = PARTY_NAMES.map((party) => {
  const registration = REGISTRATIONS[party.code];
  if (!registration) throw new Error(`No registry entry for party ${party.code}`);
  return { ...party, ...registration, active: true };
});
