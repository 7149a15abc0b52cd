/**
 * The carton label in ZPL II for Zebra thermal printers at 203 dpi (812 × 1218 dots on 4×6
 * stock): the same blocks as the PDF label, with the SSCC as a GS1-128 (`^BC` in Code 128
 * subset C, FNC1 written `>8` after the start code `>;`). A plain template; the printer
 * draws the bars itself, so nothing is rasterized here.
 */
import { formatSscc, isValidSscc } from '../../core/gs1/sscc.js';
import { addressLines, type CartonLabelData } from './label.types.js';
import { formatKilograms } from './quantity-format.js';

/**
 * Field data escaped for `^FH_`: `_`, `^` and `~` would otherwise be read as hex escapes or
 * commands, so a customer named "Paws ^ Claws" cannot end the field early.
 */
export function zplText(text: string): string {
  return text.replace(/[_^~]/g, (char) => `_${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function field(x: number, y: number, font: string, text: string): string {
  return `^FO${x},${y}${font}^FH_^FD${zplText(text)}^FS`;
}

function block(
  x: number,
  y: number,
  width: number,
  lines: number,
  font: string,
  text: string,
): string {
  // ^FB wraps and clips to `lines`; \& is ZPL's line break inside a field block.
  return `^FO${x},${y}${font}^FB${width},${lines},0,L^FH_^FD${zplText(text).replace(/\n/g, '\\&')}^FS`;
}

const SMALL = '^A0N,20,20';
const HEAD = '^A0N,30,30';
const LINE = (y: number) => `^FO0,${y}^GB812,4,4^FS`;

/**
 * The ZPL for one carton label, `^XA` … `^XZ`. Throws on an invalid SSCC (a bug upstream:
 * SSCCs come from `buildSscc`).
 */
export function renderCartonLabelZpl(data: CartonLabelData): string {
  if (!isValidSscc(data.sscc)) throw new Error(`Not a valid SSCC-18: "${data.sscc}"`);
  const [toName = '', ...toRest] = addressLines(data.shipTo);
  const service = data.carrier.service ? `  ${data.carrier.service}` : '';
  const tracking = data.carrier.trackingNumber?.replace(/[^0-9A-Za-z]/g, '');
  const weight =
    data.weightGrams === undefined
      ? []
      : [
          field(430, 790, SMALL, 'WEIGHT'),
          field(430, 815, '^A0N,34,34', formatKilograms(data.weightGrams)),
        ];
  return [
    '^XA',
    '^CI28', // UTF-8 field data
    '^PW812',
    '^LL1218',
    '^LH0,0',
    '^FO4,4^GB804,1210,4^FS',
    field(30, 20, SMALL, 'SHIP FROM'),
    block(30, 45, 752, 5, SMALL, addressLines(data.shipFrom).join('\n')),
    LINE(175),
    field(30, 190, SMALL, 'SHIP TO'),
    field(30, 218, '^A0N,40,40', toName),
    block(30, 265, 752, 5, '^A0N,32,32', toRest.join('\n')),
    LINE(440),
    field(30, 455, SMALL, 'CARRIER'),
    field(30, 480, '^A0N,36,36', `${data.carrier.name}${service}`),
    ...(tracking
      ? [field(30, 525, SMALL, 'TRACKING NUMBER'), `^FO60,550^BY3^BCN,110,Y,N,N^FD${tracking}^FS`]
      : []),
    LINE(690),
    field(30, 705, SMALL, 'ORDER'),
    field(30, 730, '^A0N,34,34', data.orderNumber),
    field(430, 705, SMALL, 'CUSTOMER PO'),
    field(430, 730, '^A0N,34,34', data.customerPo ?? '-'),
    field(30, 790, SMALL, 'CARTON'),
    field(30, 815, '^A0N,44,44', `${data.cartonNumber} OF ${data.cartonCount}`),
    ...weight,
    LINE(875),
    field(30, 890, SMALL, 'SSCC'),
    field(30, 915, `${HEAD}^FB752,1,0,C`, formatSscc(data.sscc)),
    // X = 4 dots (0.5 mm, GS1 minimum 0.495 mm), 156 modules = 624 dots, centred; bars 30 mm.
    `^FO94,960^BY4^BCN,230,N,N,N^FD>;>800${data.sscc}^FS`,
    '^XZ',
  ].join('\n');
}
