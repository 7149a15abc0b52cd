import type { BinLayoutSpec } from '../../core/inventory/bin-layout.js';
import type { NewWarehouse } from '../warehouses/create-warehouse.js';

/** A demo building: the warehouse as `createWarehouse` takes it, and its racking by zone. */
export interface DemoWarehouse {
  warehouse: NewWarehouse;
  /**
   * Zone A is pick faces at waist height near the dock; zone B is pallet racking (one pallet
   * per position) for reserve; zone C is shelving for slow movers picked by the case.
   * Aisles are numbered through the building, so "aisle 7" is unambiguous on the floor.
   */
  layouts: BinLayoutSpec[];
}

/** The zones a demo warehouse uses, by what is kept there. */
export const DEMO_ZONES = { pickFaces: 'A', palletReserve: 'B', shelfReserve: 'C' } as const;

/** The two distribution centres of the demo wholesaler: the main DC in Ohio and a western one in Nevada. */
export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  {
    warehouse: {
      code: 'MAIN',
      name: 'Columbus Distribution Center',
      timeZone: 'America/New_York',
      address: {
        line1: '4100 Fisher Commerce Drive',
        city: 'Columbus',
        region: 'OH',
        postalCode: '43228',
        country: 'US',
      },
    },
    layouts: [
      {
        zone: 'A',
        type: 'pick_face',
        aisles: 4,
        bays: 10,
        levels: 3,
        binsPerLevel: 2,
        firstAisle: 1,
      },
      {
        zone: 'B',
        type: 'storage',
        aisles: 5,
        bays: 12,
        levels: 4,
        binsPerLevel: 1,
        firstAisle: 5,
      },
      {
        zone: 'C',
        type: 'storage',
        aisles: 3,
        bays: 10,
        levels: 4,
        binsPerLevel: 3,
        firstAisle: 10,
      },
    ],
  },
  {
    warehouse: {
      code: 'WEST',
      name: 'Reno Distribution Center',
      timeZone: 'America/Los_Angeles',
      address: {
        line1: '2250 Logistics Parkway',
        line2: 'Dock doors 1–12',
        city: 'Reno',
        region: 'NV',
        postalCode: '89502',
        country: 'US',
      },
    },
    layouts: [
      {
        zone: 'A',
        type: 'pick_face',
        aisles: 2,
        bays: 10,
        levels: 3,
        binsPerLevel: 2,
        firstAisle: 1,
      },
      {
        zone: 'B',
        type: 'storage',
        aisles: 3,
        bays: 10,
        levels: 4,
        binsPerLevel: 1,
        firstAisle: 3,
      },
      {
        zone: 'C',
        type: 'storage',
        aisles: 1,
        bays: 10,
        levels: 4,
        binsPerLevel: 3,
        firstAisle: 6,
      },
    ],
  },
];
