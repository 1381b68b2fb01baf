import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeSeatLedgerContract } from './seat-ledger.contract.ts';

describeSeatLedgerContract('MemorySeatLedger', async (event) => ({ ledger: new MemorySeatLedger(event), close: async () => {} }));
