import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeOutboxLanesContract } from './outbox-lanes.contract.ts';
import { netwerkdag } from './seat-ledger.fixtures.ts';

describeOutboxLanesContract('MemorySeatLedger', async () => new MemorySeatLedger(netwerkdag, { chatChannels: ['telegram'] }));
