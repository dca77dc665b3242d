export * from './merkle';
export * from './proofs';
export * from './note';
export * from './checkpoint';
