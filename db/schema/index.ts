export * from './regions';
export * from './elections';
export * from './users';
export * from './parties';
export * from './constituencies';
export * from './candidates';
export * from './protocols';
export * from './audit';
