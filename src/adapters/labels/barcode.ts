/**
 * Barcode images for the PDFs, drawn by bwip-js (a port of BWIPP) as PNG. GS1-128 takes the
 * parenthesized element string and inserts FNC1 itself, so callers pass `(00)…` text built
 * by `encodeElementString(…, 'hri')`.
 */
/** bwip-js is large and only printed documents need it: loaded on first use. */
async function bwip() {
  return (await import('bwip-js')).default;
}

/** Pixels per module; high enough that the PNG scaled onto a 4×6 label stays crisp. */
const SCALE = 4;

/**
 * A GS1-128 barcode of `hri` (e.g. `(00)106141412345678908`) as PNG, with the human-readable
 * line under the bars. `heightMm` is the bar height; GS1 logistics labels want ≥ 27 mm, but
 * the PDF scales the image to the space it is given.
 */
export async function gs1128Png(hri: string, heightMm = 27): Promise<Buffer> {
  return (await bwip()).toBuffer({
    bcid: 'gs1-128',
    text: hri,
    scale: SCALE,
    height: heightMm,
    includetext: true,
    textxalign: 'center',
    textsize: 10,
  });
}

/** A plain Code 128 barcode (carrier tracking numbers) as PNG, with text. */
export async function code128Png(text: string, heightMm = 12): Promise<Buffer> {
  return (await bwip()).toBuffer({
    bcid: 'code128',
    text,
    scale: SCALE,
    height: heightMm,
    includetext: true,
    textxalign: 'center',
    textsize: 9,
  });
}
