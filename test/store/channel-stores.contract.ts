import { describe, expect, it } from 'vitest';
import type { AddressBook, ExpiringValues } from '../../src/core/index.ts';
import { eventually } from '../helpers/eventually.ts';

/** The address book and the expiring values, against any implementation. */
export function describeChannelStoresContract(name: string, make: () => Promise<{ addresses: AddressBook; values: ExpiringValues }>): void {
  describe(`address book and expiring values: ${name}`, () => {
    it('remembers the latest address per user key, and knows nothing of others', async () => {
      const { addresses } = await make();
      expect(await addresses.find('telegram:1')).toBeNull();
      await addresses.remember('telegram:1', '1');
      await addresses.remember('telegram:2', '2');
      await addresses.remember('telegram:1', '-1001');
      expect(await addresses.find('telegram:1')).toBe('-1001');
      expect(await addresses.find('telegram:2')).toBe('2');
      expect(await addresses.find('slack:1')).toBeNull();
    });

    it('forgets the address of one user key and keeps the others', async () => {
      const { addresses } = await make();
      await addresses.remember('telegram:1', '1');
      await addresses.remember('telegram:2', '2');
      await addresses.forget('telegram:1');
      await addresses.forget('telegram:404');
      expect(await addresses.find('telegram:1')).toBeNull();
      expect(await addresses.find('telegram:2')).toBe('2');
    });

    it('keeps an address of any characters whole (a Teams conversation reference as JSON)', async () => {
      const { addresses } = await make();
      const reference = JSON.stringify({ conversation: { id: 'a:1\n"x"' }, serviceUrl: 'https://smba.trafficmanager.net/emea/', emoji: '🎉' });
      await addresses.remember('teams:29:1abc', reference);
      expect(await addresses.find('teams:29:1abc')).toBe(reference);
    });

    it('hands a value back until it expires', async () => {
      const { values } = await make();
      await values.set('telegram:cb:~a', 'ask:een lange vraag', 60_000);
      await values.set('telegram:cb:~b', 'kort', 150);
      expect(await values.get('telegram:cb:~a')).toBe('ask:een lange vraag');
      expect(await values.get('telegram:cb:~missing')).toBeNull();
      expect(await eventually(async () => (await values.get('telegram:cb:~b')) === null, 5_000)).toBe(true);
      expect(await values.get('telegram:cb:~a')).toBe('ask:een lange vraag');
    });
  });
}
