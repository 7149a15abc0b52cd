/**
 * Every method by name, with the rule for when it can be fitted, so the selector (and callers
 * that want one method) can look them up.
 */
import { dampedHolt, holt, ses } from './exponential-smoothing.js';
import {
  holtWintersAdditive,
  holtWintersEligible,
  holtWintersMultiplicative,
} from './holt-winters.js';
import { croston, sba, tsb } from './intermittent.js';
import { naive, seasonalNaive } from './naive.js';
import { theta } from './theta.js';
import type { Forecaster, MethodName } from './types.js';

/** A method and whether it can be fitted to a series with season length m. */
export interface MethodEntry {
  readonly fit: Forecaster;
  readonly eligible: (series: readonly number[], m: number) => boolean;
}

const always = () => true;

/** The registry; Croston and SBA run with their default fixed α = 0.1. */
export const METHODS: Readonly<Record<MethodName, MethodEntry>> = {
  naive: { fit: naive, eligible: always },
  'seasonal-naive': { fit: seasonalNaive, eligible: (y, m) => m > 1 && y.length >= m },
  ses: { fit: ses, eligible: always },
  holt: { fit: holt, eligible: (y) => y.length >= 4 },
  'damped-holt': { fit: dampedHolt, eligible: (y) => y.length >= 5 },
  'holt-winters-additive': {
    fit: holtWintersAdditive,
    eligible: (y, m) => holtWintersEligible(y, m, 'additive'),
  },
  'holt-winters-multiplicative': {
    fit: holtWintersMultiplicative,
    eligible: (y, m) => holtWintersEligible(y, m, 'multiplicative'),
  },
  theta: { fit: theta, eligible: (y) => y.length >= 2 },
  croston: { fit: croston, eligible: always },
  sba: { fit: sba, eligible: always },
  tsb: { fit: tsb, eligible: always },
};

/** Candidates for smooth and erratic demand: the ETS family, Theta and the naive benchmarks. */
export const CONTINUOUS_CANDIDATES: readonly MethodName[] = [
  'naive',
  'seasonal-naive',
  'ses',
  'holt',
  'damped-holt',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'theta',
];

/** Candidates for intermittent and lumpy demand: Croston-type methods and the naive benchmarks. */
export const INTERMITTENT_CANDIDATES: readonly MethodName[] = [
  'naive',
  'seasonal-naive',
  'croston',
  'sba',
  'tsb',
];
