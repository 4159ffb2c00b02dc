export * from './accounts';
export * from './reference';
export * from './creators';
export * from './campaigns';
export * from './system';
export * from './deliverables';
export * from './attribution';
export * from './payouts';
