export {
  isTreeHashAlgorithm,
  leafDataOfEventHash,
  splitPoint,
  TREE_HASH_ALGORITHMS,
  TREE_HASH_SIZE,
  treeHasher,
} from './hashing';
export type { TreeHashAlgorithm, TreeHasher } from './hashing';
export { consistencyProof, inclusionProof, rootAt, subtreeHash } from './proofs';
export type { StoredNodes } from './proofs';
export { MemoryNodeStorage, MerkleTree } from './tree';
export type { NewNode, NodeStorage } from './tree';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
export { checkHistoryAgainst, TransparencyLog } from './log';
export type { EventRef, HistoryCheck } from './log';
export { LogMovedError, MemoryTransparencyStorage, SqliteTransparencyStorage } from './storage';
export type { LeafRecord, TransparencyStorage } from './storage';
export {
  checkpointText,
  generateNoteKey,
  openNote,
  parseCheckpointText,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TREE_HASH_LINE_PREFIX,
  treeHashOfExtensions,
} from './note';
export type { Checkpoint, NoteSignatureAlgorithm, NoteSigner, NoteVerifier, ParsedNote } from './note';
export { generateSm2PrivateKey, SM2_DEFAULT_ID, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2';
