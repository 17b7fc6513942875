export * from './energy';
export * from './mass';
export * from './calendar';
