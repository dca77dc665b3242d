import { eventStoreContract, temporarySqliteStore } from '../testing';

eventStoreContract('embedded SQLite', () => temporarySqliteStore(), { tamper: true });

// Positions as a server gives them (beyond 2^53, irregular gaps): any caller that adds to a
// position, or relies on small consecutive ones, fails here (issue #12 item 5).
eventStoreContract(
  'embedded SQLite, sparse positions beyond 2^53',
  () => temporarySqliteStore({ positions: 'sparse' }),
  {
    tamper: true,
    subscriptionEvents: 2_000,
  },
);
