import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeSeatLedgerContract } from './seat-ledger.contract.ts';
import { describeSeatLedgerProperties } from './seat-ledger.property.ts';
import type { MakeLedger } from './seat-ledger.fixtures.ts';

const makeMemoryLedger: MakeLedger = async (event, options) => ({ ledger: new MemorySeatLedger(event, options), close: async () => {} });

describeSeatLedgerContract('MemorySeatLedger', makeMemoryLedger);
describeSeatLedgerProperties('MemorySeatLedger', makeMemoryLedger, { numRuns: 100 });
