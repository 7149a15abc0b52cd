/**
 * Where stock can be. Real locations hold physical goods and can never go below zero.
 * Virtual locations are the other side of the double entry: goods come from SUPPLIER, go to
 * CUSTOMER, appear or vanish through ADJUSTMENT, end in SCRAP, or travel IN_TRANSIT between
 * warehouses — so every SKU's movements sum to zero.
 */
export const REAL_LOCATION_TYPES = [
  'receiving',
  'storage',
  'pick_face',
  'staging',
  'packing',
  'shipping',
  'quarantine',
  'damaged',
] as const;
export const VIRTUAL_LOCATION_TYPES = [
  'supplier',
  'customer',
  'adjustment',
  'scrap',
  'in_transit',
] as const;
export const LOCATION_TYPES = [...REAL_LOCATION_TYPES, ...VIRTUAL_LOCATION_TYPES] as const;

export type RealLocationType = (typeof REAL_LOCATION_TYPES)[number];
export type VirtualLocationType = (typeof VIRTUAL_LOCATION_TYPES)[number];
export type LocationType = (typeof LOCATION_TYPES)[number];

export function isLocationType(value: string): value is LocationType {
  return (LOCATION_TYPES as readonly string[]).includes(value);
}

export function isVirtual(type: string): boolean {
  return (VIRTUAL_LOCATION_TYPES as readonly string[]).includes(type);
}

/** External mirrors (supplier, customer, adjustment) run negative; scrap and in-transit cannot. */
export function mayGoNegative(type: string): boolean {
  return type === 'supplier' || type === 'customer' || type === 'adjustment';
}

/** Stock that can be promised to orders: put away in storage or on a pick face. */
export const SELLABLE_TYPES: readonly LocationType[] = ['storage', 'pick_face'];

export function isSellable(type: string): boolean {
  return (SELLABLE_TYPES as readonly string[]).includes(type);
}

/**
 * The locations every warehouse gets when it is created, one of each, with these codes.
 * Quarantine and damaged are real (the goods are on a shelf) but never sellable.
 */
export const STANDARD_LOCATIONS: readonly { code: string; type: LocationType }[] = [
  { code: 'SUPPLIER', type: 'supplier' },
  { code: 'CUSTOMER', type: 'customer' },
  { code: 'ADJUSTMENT', type: 'adjustment' },
  { code: 'SCRAP', type: 'scrap' },
  { code: 'IN-TRANSIT', type: 'in_transit' },
  { code: 'RECEIVING', type: 'receiving' },
  { code: 'QUARANTINE', type: 'quarantine' },
  { code: 'DAMAGED', type: 'damaged' },
  { code: 'STAGING', type: 'staging' },
  { code: 'PACKING', type: 'packing' },
  { code: 'SHIPPING', type: 'shipping' },
];
