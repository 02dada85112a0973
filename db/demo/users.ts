import { REGIONS } from './geography';
import { kazakhFullName } from './people';
import { createRandom } from './random';
import type { DemoUser } from './types';

/** Every demo account signs in with this password (the seed hashes it once). */
export const DEMO_PASSWORD = 'demo-pass-2023';

const ADMIN_EMAIL = 'admin@demo.kz';
const OBSERVER_EMAIL = 'observer@demo.kz';

/** Each region's commission staff: two operators for blind double entry, one reviewer. */
export const staffEmail = (post: 'operator' | 'operator2' | 'reviewer', regionCode: string) => `${post}.${regionCode}@demo.kz`;

export function demoUsers(): DemoUser[] {
  const random = createRandom(0x05e75);
  const names = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const name = kazakhFullName(random, random.chance(0.45) ? 'female' : 'male');
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  return [
    { email: ADMIN_EMAIL, fullName: uniqueName(), role: 'admin', regionCode: null },
    { email: OBSERVER_EMAIL, fullName: uniqueName(), role: 'observer', regionCode: null },
    ...REGIONS.flatMap((region): DemoUser[] => [
      { email: staffEmail('operator', region.code), fullName: uniqueName(), role: 'operator', regionCode: region.code },
      { email: staffEmail('operator2', region.code), fullName: uniqueName(), role: 'operator', regionCode: region.code },
      { email: staffEmail('reviewer', region.code), fullName: uniqueName(), role: 'reviewer', regionCode: region.code },
    ]),
  ];
}
