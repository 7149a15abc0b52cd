/**
 * Demand classification of Syntetos, Boylan & Croston (2005): by the average inter-demand
 * interval (ADI) and the squared coefficient of variation of non-zero demand sizes (CV²), with
 * cut-offs 1.32 and 0.49. Smooth and erratic demand suit the ETS family; intermittent and
 * lumpy demand suit Croston-type methods.
 */

/** SBC demand class. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** The class and the two statistics it came from. */
export interface Classification {
  readonly demandClass: DemandClass;
  /** Average interval between demands, in periods (the first counted from the series start). */
  readonly adi: number;
  /** (sample sd / mean)² of the non-zero demand sizes; 0 with fewer than two demands. */
  readonly cv2: number;
}

/** SBC cut-offs. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/**
 * Classifies a demand history. ADI is the mean of the intervals between demands, the first
 * measured from the start (as in Croston's decomposition and R's tsintermittent::idclass),
 * i.e. (position of the last demand) / (number of demands). A history with no demand at all
 * has ADI = ∞ and is "intermittent".
 */
export function classifyDemand(series: readonly number[]): Classification {
  const sizes: number[] = [];
  let lastIndex = -1;
  series.forEach((y, t) => {
    if (y !== 0) {
      sizes.push(y);
      lastIndex = t;
    }
  });
  const adi = sizes.length === 0 ? Infinity : (lastIndex + 1) / sizes.length;
  let cv2 = 0;
  if (sizes.length >= 2) {
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (sizes.length - 1);
    cv2 = mean !== 0 ? variance / (mean * mean) : 0;
  }
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const demandClass: DemandClass = frequent
    ? steady
      ? 'smooth'
      : 'erratic'
    : steady
      ? 'intermittent'
      : 'lumpy';
  return { demandClass, adi, cv2 };
}
