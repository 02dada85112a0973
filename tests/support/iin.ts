import { makeIin } from '@/lib/identity/iin';

let nextSerial = 1;

/** A valid IIN for this birth date and sex, with a serial no earlier call in this file used. */
export function freshIin(birthDate: string, sex: 'male' | 'female' = 'male'): string {
  for (;;) {
    const iin = makeIin(birthDate, sex, nextSerial++ % 10_000);
    if (iin) return iin;
  }
}
