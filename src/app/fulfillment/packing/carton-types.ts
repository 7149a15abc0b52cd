import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { CartonTypeTable } from '../../../adapters/db/schema.js';
import { FailureError } from '../../../core/shared/result.js';
import { insertOr } from '../../warehouses/warehouse-failures.js';

/** A box the warehouse packs into: outside dimensions, what it may carry, what it weighs empty. */
export interface CartonTypeInput {
  code: string;
  name: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  maxWeightG: number;
  tareWeightG?: number | undefined;
}

export type CartonTypePatch = Partial<CartonTypeInput>;

export function cartonTypeView(row: Selectable<CartonTypeTable>) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    maxWeightG: row.max_weight_g,
    tareWeightG: row.tare_weight_g,
  };
}
export type CartonTypeView = ReturnType<typeof cartonTypeView>;

function notFound(id: number): FailureError {
  return new FailureError({ code: 'CARTON_TYPE.NOT_FOUND', message: `No carton type ${id}` });
}

function duplicate(code: string): FailureError {
  return new FailureError({
    code: 'CARTON_TYPE.ALREADY_EXISTS',
    message: `Carton type ${code} exists already`,
  });
}

/** An empty box heavier than it may carry is a typo, not a box. */
function checkWeights(maxWeightG: number, tareWeightG: number) {
  if (tareWeightG >= maxWeightG) {
    throw new FailureError({
      code: 'CARTON_TYPE.INVALID_WEIGHT',
      message: 'The tare weight must be below the maximum weight',
      details: { maxWeightG, tareWeightG },
    });
  }
}

export async function createCartonType(trx: Tx, input: CartonTypeInput): Promise<CartonTypeView> {
  const code = input.code.trim().toUpperCase();
  const tare = input.tareWeightG ?? 0;
  checkWeights(input.maxWeightG, tare);
  const existing = await trx
    .selectFrom('carton_types')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing) throw duplicate(code);
  const row = await insertOr(
    () =>
      trx
        .insertInto('carton_types')
        .values({
          code,
          name: input.name,
          length_mm: input.lengthMm,
          width_mm: input.widthMm,
          height_mm: input.heightMm,
          max_weight_g: input.maxWeightG,
          tare_weight_g: tare,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    () => duplicate(code),
  );
  return cartonTypeView(row);
}

export async function getCartonType(db: Tx, id: number): Promise<CartonTypeView> {
  const row = await db
    .selectFrom('carton_types')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(id);
  return cartonTypeView(row);
}

export async function listCartonTypes(db: Tx): Promise<CartonTypeView[]> {
  const rows = await db.selectFrom('carton_types').selectAll().orderBy('code').execute();
  return rows.map(cartonTypeView);
}

/** Changes a carton type. Cartons already packed keep the weight they were packed to. */
export async function updateCartonType(
  trx: Tx,
  id: number,
  patch: CartonTypePatch,
): Promise<CartonTypeView> {
  const current = await getCartonType(trx, id);
  const next = { ...current, ...patch, code: (patch.code ?? current.code).trim().toUpperCase() };
  checkWeights(next.maxWeightG, next.tareWeightG ?? 0);
  if (next.code !== current.code) {
    const clash = await trx
      .selectFrom('carton_types')
      .select('id')
      .where('code', '=', next.code)
      .executeTakeFirst();
    if (clash) throw duplicate(next.code);
  }
  const row = await insertOr(
    () =>
      trx
        .updateTable('carton_types')
        .set({
          code: next.code,
          name: next.name,
          length_mm: next.lengthMm,
          width_mm: next.widthMm,
          height_mm: next.heightMm,
          max_weight_g: next.maxWeightG,
          tare_weight_g: next.tareWeightG ?? 0,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    () => duplicate(next.code),
  );
  return cartonTypeView(row);
}

/** Removes a carton type no carton was ever packed in (`CARTON_TYPE.IN_USE` otherwise). */
export async function deleteCartonType(
  trx: Tx,
  id: number,
): Promise<{ id: number; deleted: true }> {
  await getCartonType(trx, id);
  const used = await trx
    .selectFrom('cartons')
    .select('id')
    .where('carton_type_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used) {
    throw new FailureError({
      code: 'CARTON_TYPE.IN_USE',
      message: 'Cartons were packed in this type; it stays for their records',
    });
  }
  await trx.deleteFrom('carton_types').where('id', '=', id).execute();
  return { id, deleted: true };
}
