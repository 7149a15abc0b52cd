/** The fulfillment test fixtures, by flow: waves and picking, packing and shipping, returns. */
export * from './picking-fixtures.js';
export * from './packing-fixtures.js';
export * from './returns-fixtures.js';
