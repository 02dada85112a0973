import type { Names } from './geography';

/** The parties registered in Kazakhstan in 2023. */
export const PARTIES: ({ code: string } & Names)[] = [
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
