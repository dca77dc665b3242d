import { eventStoreContract, temporarySqliteStore } from '../testing';

eventStoreContract('embedded SQLite', () => temporarySqliteStore(), { tamper: true });
