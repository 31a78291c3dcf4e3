// The carrier types live in core/types.ts (shared by the phases, storage, the model layer and the commands);
// the phases keep importing them from here.
export * from '../core/types.js';
