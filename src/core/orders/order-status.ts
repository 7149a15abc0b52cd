import { transition, type TransitionTable } from '../shared/fsm.js';
import type { Result } from '../shared/result.js';

/**
 * The life of a sales order. Allocation decides between allocated, partially allocated and
 * backordered; release hands it to the warehouse; shipping may happen in parts.
 */
export const ORDER_STATUSES = [
  'draft',
  'on_hold',
  'confirmed',
  'allocated',
  'partially_allocated',
  'backordered',
  'released',
  'picked',
  'packed',
  'partially_shipped',
  'shipped',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const ALLOCATION_STATES = ['allocated', 'partially_allocated', 'backordered'] as const;

export const ORDER_TRANSITIONS: TransitionTable<OrderStatus> = {
  draft: ['confirmed', 'on_hold', 'cancelled'],
  on_hold: ['confirmed', 'cancelled'],
  confirmed: [...ALLOCATION_STATES, 'on_hold', 'cancelled'],
  allocated: [...ALLOCATION_STATES, 'released', 'on_hold', 'cancelled'],
  partially_allocated: [...ALLOCATION_STATES, 'released', 'on_hold', 'cancelled'],
  backordered: [...ALLOCATION_STATES, 'on_hold', 'cancelled'],
  released: ['picked', 'partially_shipped', 'shipped', 'cancelled'],
  picked: ['packed', 'partially_shipped', 'shipped'],
  packed: ['partially_shipped', 'shipped'],
  partially_shipped: ['released', 'partially_shipped', 'shipped', 'cancelled'],
  shipped: ['delivered', 'closed'],
  delivered: ['closed'],
  closed: [],
  cancelled: [],
};

export function moveOrder(from: OrderStatus, to: OrderStatus): Result<OrderStatus> {
  return transition('ORDER', ORDER_TRANSITIONS, from, to);
}

/** Lines may be added, changed or removed until the order is released to the warehouse. */
export function isEditable(status: OrderStatus): boolean {
  return ['draft', 'on_hold', 'confirmed', ...ALLOCATION_STATES].includes(status);
}

/** Orders whose value still counts against the customer's credit (not yet invoiced). */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'draft',
  'on_hold',
  'confirmed',
  ...ALLOCATION_STATES,
  'released',
  'picked',
  'packed',
  'partially_shipped',
];

export interface LineQuantities {
  ordered: number;
  allocated: number;
  cancelled: number;
}

/** The allocation state an order is in, from how much of its open quantity is held. */
export function allocationStatus(
  lines: readonly LineQuantities[],
): 'allocated' | 'partially_allocated' | 'backordered' {
  const open = lines.reduce((n, l) => n + l.ordered - l.cancelled, 0);
  const held = lines.reduce((n, l) => n + l.allocated, 0);
  if (open > 0 && held >= open) return 'allocated';
  return held > 0 ? 'partially_allocated' : 'backordered';
}
