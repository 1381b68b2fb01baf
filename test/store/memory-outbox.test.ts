import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeOutboxDeliveryContract } from './outbox-delivery.contract.ts';
import { netwerkdag } from './seat-ledger.fixtures.ts';

for (const lane of ['mail', 'chat:test'] as const) {
  describeOutboxDeliveryContract('MemorySeatLedger', async () => ({ outbox: new MemorySeatLedger(netwerkdag, { chatChannels: ['test'] }), close: async () => {} }), lane);
}
