/** The reorder-policy core: service levels, ABC classes, the policy and today's need. */
export * from './service-level.js';
export * from './abc.js';
export * from './fill-rate.js';
export * from './reorder-policy.js';
export * from './replenishment-need.js';
