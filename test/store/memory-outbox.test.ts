import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeOutboxDeliveryContract } from './outbox-delivery.contract.ts';
import { netwerkdag } from './seat-ledger.fixtures.ts';

describeOutboxDeliveryContract('MemorySeatLedger', async () => ({ outbox: new MemorySeatLedger(netwerkdag), close: async () => {} }));
