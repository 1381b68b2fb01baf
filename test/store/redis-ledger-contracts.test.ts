import { createClient } from 'redis';
import { afterAll, beforeAll, describe } from 'vitest';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { describeOutboxDeliveryContract } from './outbox-delivery.contract.ts';
import { describeDetailsContract } from './seat-ledger-details.contract.ts';
import { describeIdempotencyContract } from './seat-ledger-idempotency.contract.ts';
import { describeSeatLedgerContract } from './seat-ledger.contract.ts';
import { describeWaitlistContract } from './seat-ledger-waitlists.contract.ts';
import { netwerkdag, type MakeLedger } from './seat-ledger.fixtures.ts';
import { describeSeatLedgerProperties } from './seat-ledger.property.ts';

if (requireRedisServer()) {
  describe('RedisSeatLedger on a real redis-server', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let ledgers = 0;

    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());

    // Every ledger gets its own key prefix on the one server, so nothing leaks between cases.
    const makeRedisLedger: MakeLedger = async (event, options) => ({
      ledger: new RedisSeatLedger(client, event, { keyPrefix: `contract${++ledgers}:`, ...options }),
      close: async () => {},
    });

    describeSeatLedgerContract('RedisSeatLedger', makeRedisLedger);
    describeDetailsContract('RedisSeatLedger', makeRedisLedger);
    describeIdempotencyContract('RedisSeatLedger', makeRedisLedger);
    describeWaitlistContract('RedisSeatLedger', makeRedisLedger);
    describeSeatLedgerProperties('RedisSeatLedger', makeRedisLedger, { numRuns: 60 });
    for (const lane of ['mail', 'chat:test'] as const) {
      describeOutboxDeliveryContract(
        'RedisSeatLedger',
        async () => ({ outbox: new RedisSeatLedger(client, netwerkdag, { keyPrefix: `delivery${++ledgers}:`, chatChannels: ['test'] }), close: async () => {} }),
        lane,
      );
    }
  });
}
