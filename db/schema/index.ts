export * from './platform';
export * from './tenancy';
export * from './schools';
export * from './memberships';
export * from './audit';
