export * from './merkle';
export * from './proofs';
export * from './note';
export * from './checkpoint';
export * from './witness';
export * from './witness.errors';
