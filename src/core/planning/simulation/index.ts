/** The inventory simulator: a synthetic portfolio, a daily simulation, and the two rules. */
export * from './demand-portfolio.js';
export * from './inventory-simulator.js';
export * from './policy-rule.js';
export * from './min-max-rule.js';
export * from './compare-rules.js';
