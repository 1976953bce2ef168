export * from './audit.js';
export * from './auth.js';
export * from './centre.js';
export * from './clients.js';
export * from './projects.js';
export * from './counselling.js';
export * from './idempotency.js';
