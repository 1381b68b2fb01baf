import { MemorySeatLedger } from '../../src/store/memory-seat-ledger.ts';
import { describeDetailsContract } from './seat-ledger-details.contract.ts';
import { describeIdempotencyContract } from './seat-ledger-idempotency.contract.ts';
import { describeSeatLedgerContract } from './seat-ledger.contract.ts';
import { describeSeatLedgerProperties } from './seat-ledger.property.ts';
import { describeWaitlistContract } from './seat-ledger-waitlists.contract.ts';
import type { MakeLedger } from './seat-ledger.fixtures.ts';

const makeMemoryLedger: MakeLedger = async (event, options) => ({ ledger: new MemorySeatLedger(event, options), close: async () => {} });

describeSeatLedgerContract('MemorySeatLedger', makeMemoryLedger);
describeDetailsContract('MemorySeatLedger', makeMemoryLedger);
describeIdempotencyContract('MemorySeatLedger', makeMemoryLedger);
describeSeatLedgerProperties('MemorySeatLedger', makeMemoryLedger, { numRuns: 100 });
describeWaitlistContract('MemorySeatLedger', makeMemoryLedger);
