/**
 * Every method by name, with the rule for when it can be fitted and how to refit it with the
 * smoothing parameters of an earlier fit, so the selector (and callers that want one method)
 * can look them up.
 */
import { dampedHolt, holt, ses } from './exponential-smoothing.js';
import {
  holtWintersAdditive,
  holtWintersEligible,
  holtWintersMultiplicative,
} from './holt-winters.js';
import { croston, sba, tsb } from './intermittent.js';
import { mean, naive, seasonalNaive } from './naive.js';
import { theta } from './theta.js';
import type { FixedParameters, Forecaster, MethodName } from './types.js';

/** A method and whether it can be fitted to a series with season length m. */
export interface MethodEntry {
  readonly fit: Forecaster;
  readonly eligible: (series: readonly number[], m: number) => boolean;
  /**
   * The options that refit the method with the smoothing parameters in `params` (a previous
   * fit's), so only the states are re-estimated: cheap, and no parameter sees later data.
   */
  readonly frozen: (params: Readonly<Record<string, number>>) => FixedParameters;
}

const always = () => true;
const none = () => ({});

/** The registry; Croston and SBA run with their default fixed α = 0.1. */
export const METHODS: Readonly<Record<MethodName, MethodEntry>> = {
  naive: { fit: naive, eligible: always, frozen: none },
  'seasonal-naive': {
    fit: seasonalNaive,
    eligible: (y, m) => m > 1 && y.length >= m,
    frozen: none,
  },
  mean: { fit: mean, eligible: always, frozen: none },
  ses: { fit: ses, eligible: always, frozen: (p) => ({ alpha: p.alpha }) },
  holt: {
    fit: holt,
    eligible: (y) => y.length >= 4,
    frozen: (p) => ({ alpha: p.alpha, betaStar: p.beta }),
  },
  'damped-holt': {
    fit: dampedHolt,
    eligible: (y) => y.length >= 5,
    frozen: (p) => ({ alpha: p.alpha, betaStar: p.beta, phi: p.phi }),
  },
  'holt-winters-additive': {
    fit: holtWintersAdditive,
    eligible: (y, m) => holtWintersEligible(y, m, 'additive'),
    frozen: (p) => ({ alpha: p.alpha, betaStar: p.beta, gamma: p.gamma }),
  },
  'holt-winters-multiplicative': {
    fit: holtWintersMultiplicative,
    eligible: (y, m) => holtWintersEligible(y, m, 'multiplicative'),
    frozen: (p) => ({ alpha: p.alpha, betaStar: p.beta, gamma: p.gamma }),
  },
  theta: { fit: theta, eligible: (y) => y.length >= 2, frozen: (p) => ({ alpha: p.alpha }) },
  croston: { fit: croston, eligible: always, frozen: none },
  sba: { fit: sba, eligible: always, frozen: none },
  tsb: { fit: tsb, eligible: always, frozen: (p) => ({ alpha: p.alpha, beta: p.beta }) },
};
