import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  linesToPack,
  orderIdOf,
  packStep,
  serviceChoices,
  type CartonState,
  type PickedLine,
} from '../../web/src/screens/warehouse/pack-flow.js';

const line = (id: number, picked: number): PickedLine => ({
  id,
  lineNumber: id,
  skuId: id,
  quantityPicked: picked,
});
const carton = (
  id: number,
  status: string,
  items: [number, number][],
  shipmentId: number | null = null,
): CartonState => ({
  id,
  status,
  shipmentId,
  contents: items.map(([orderLineId, quantity]) => ({
    orderLineId,
    quantity,
  })),
});

describe('the pack screen (pure parts)', () => {
  it('what is left to pack is what was picked less what is in any carton, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 20 })), {
          maxLength: 8,
        }),
        (picked, items) => {
          const lines = picked.map((p, i) => line(i + 1, p));
          const toPack = linesToPack(lines, [carton(1, 'closed', items)]);
          for (const l of toPack) {
            const inCartons = items
              .filter(([id]) => id === l.lineId)
              .reduce((n, [, q]) => n + q, 0);
            expect(l.packed).toBe(inCartons);
            expect(l.left).toBe(Math.max(0, l.picked - inCartons));
          }
          expect(toPack.every((l) => l.picked > 0)).toBe(true);
        },
      ),
    );
  });

  it('says the next step: open, fill, close, ship, shipped', () => {
    const lines = [line(1, 2)];
    expect(packStep(linesToPack(lines, []), [])).toBe('open-carton');
    const half = [carton(1, 'open', [[1, 1]])];
    expect(packStep(linesToPack(lines, half), half)).toBe('scan-items');
    const full = [carton(1, 'open', [[1, 2]])];
    expect(packStep(linesToPack(lines, full), full)).toBe('close-carton');
    const sealed = [carton(1, 'closed', [[1, 2]])];
    expect(packStep(linesToPack(lines, sealed), sealed)).toBe('ship');
    const gone = [carton(1, 'shipped', [[1, 2]], 7)];
    expect(packStep(linesToPack(lines, gone), gone)).toBe('shipped');
  });

  it('reads an order scan as printed or typed, and nothing else', () => {
    expect(orderIdOf('SO-000123')).toBe(123);
    expect(orderIdOf('so000123')).toBe(123);
    expect(orderIdOf('42')).toBe(42);
    expect(orderIdOf('SO-000000')).toBeNull();
    expect(orderIdOf('MAIN-A-01-01')).toBeNull();
  });

  it('lists carrier services by name (the API answers them as objects)', () => {
    const choices = serviceChoices([
      {
        code: 'TABLE',
        name: 'Table rate',
        services: [{ code: 'ground', name: 'Parcel ground', mode: 'parcel', transitDays: 3 }],
      },
      {
        code: 'PICKUP',
        name: 'Customer pickup',
        services: [{ code: 'will_call', name: 'At the dock', mode: 'pickup', transitDays: 0 }],
      },
    ]);
    expect(choices).toEqual([
      { value: 'TABLE|ground', label: 'Table rate — Parcel ground (3 d)' },
      { value: 'PICKUP|will_call', label: 'Customer pickup — At the dock' },
    ]);
  });
});
