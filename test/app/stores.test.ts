import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { loadEvent } from '../../src/app/load-event.ts';
import { openStores } from '../../src/app/stores.ts';
import { BalieError } from '../../src/core/index.ts';
import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';

const quiet = { error: () => {} };

describe('choosing the store', () => {
  it('is in memory without REDIS_URL', async () => {
    const event = await loadEvent('events/netwerkdag-2020.yaml');
    const stores = await openStores(loadConfig({}), event, quiet);
    expect(stores.ledger).toBeInstanceOf(MemorySeatLedger);
    expect(stores.outbox).toBe(stores.ledger);
    expect(stores.description).toMatch(/^in-memory/);
    await stores.close();
  });

  it('fails start-up clearly when REDIS_URL points nowhere', async () => {
    const event = await loadEvent('events/netwerkdag-2020.yaml');
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const error = await openStores(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), event, quiet).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BalieError);
    expect((error as BalieError).message).toMatch(/cannot connect to Redis/);
  });
});
