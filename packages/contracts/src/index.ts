export * from './common.ts';
export * from './errors.ts';
export * from './roles.ts';
export * from './settings.ts';
export * from './members.ts';
export * from './events.ts';
export * from './me.ts';
export { HealthSchema } from './health.ts';
