import { createClient } from 'redis';
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisAddressBook, RedisExpiringValues } from '../../src/store/redis-channel-stores.ts';
import { ledgerScripts, RedisSeatLedger } from '../../src/store/redis-seat-ledger.ts';
import { requireRedisServer, useRedisServer } from '../helpers/redis-server.ts';
import { describeChannelStoresContract } from './channel-stores.contract.ts';
import { describeOutboxLanesContract } from './outbox-lanes.contract.ts';
import { netwerkdag } from './seat-ledger.fixtures.ts';

if (requireRedisServer()) {
  describe('channel stores and outbox lanes on a real redis-server', () => {
    const server = useRedisServer();
    let client: ReturnType<typeof createClient<Record<string, never>, Record<string, never>, typeof ledgerScripts>>;
    let run = 0;
    beforeAll(async () => {
      client = createClient({ url: server().url, scripts: ledgerScripts });
      await client.connect();
    });
    afterAll(() => client?.destroy());

    describeChannelStoresContract('Redis', async () => {
      const base = `channel${++run}:balie:{netwerkdag-2020}:`;
      return { addresses: new RedisAddressBook(client, base), values: new RedisExpiringValues(client, base) };
    });
    describeOutboxLanesContract('RedisSeatLedger', async () => new RedisSeatLedger(client, netwerkdag, { keyPrefix: `lanes${++run}:`, chatChannels: ['telegram'] }));
  });
}
