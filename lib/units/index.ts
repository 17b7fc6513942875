export * from './energy';
export * from './mass';
