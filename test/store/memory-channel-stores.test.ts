import { MemoryAddressBook, MemoryExpiringValues } from '../../src/store/memory-channel-stores.ts';
import { describeChannelStoresContract } from './channel-stores.contract.ts';

describeChannelStoresContract('memory', async () => ({ addresses: new MemoryAddressBook(), values: new MemoryExpiringValues() }));
