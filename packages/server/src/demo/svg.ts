/**
 * Demo images drawn as SVG from a few numbers: product pictures and "customer
 * photos". No external URLs, nothing to download, deterministic.
 */
import { escapeHtml } from '../html.js';

export type ProductShape =
  'sweater' | 'beanie' | 'mug' | 'candle' | 'tote' | 'soap' | 'scarf' | 'planter' | 'tin' | 'notebook' | 'socks' | 'jacket';

const SHAPES: Record<ProductShape, string> = {
  sweater: '<path d="M250 230l110-50h80l110 50 90 160-90 40-40-70v330H290V360l-40 70-90-40z"/>',
  beanie:
    '<path d="M230 520c0-160 80-280 170-280s170 120 170 280z"/><rect x="210" y="510" width="380" height="90" rx="30"/><circle cx="400" cy="220" r="45"/>',
  mug: '<rect x="240" y="260" width="260" height="320" rx="40"/><path d="M500 330h50a70 70 0 0 1 0 140h-50v-40h45a30 30 0 0 0 0-60h-45z"/>',
  candle: '<rect x="290" y="330" width="220" height="290" rx="30"/><path d="M400 200c40 50 40 90 0 110-40-20-40-60 0-110z"/>',
  tote: '<path d="M230 330h340l-30 310H260z"/><path d="M320 330v-60a80 80 0 0 1 160 0v60h-30v-60a50 50 0 0 0-100 0v60z"/>',
  soap: '<rect x="230" y="320" width="340" height="200" rx="70"/>',
  scarf: '<path d="M300 200h200v120l-40 320h-70l-20-240-30 240h-60l20-320z"/>',
  planter:
    '<path d="M250 400h300l-40 220H290z"/><path d="M400 400c-20-80-90-120-140-110 20 60 70 100 140 110zm0 0c20-90 80-150 150-150-10 80-70 140-150 150z"/>',
  tin: '<rect x="270" y="260" width="260" height="360" rx="24"/><rect x="260" y="240" width="280" height="50" rx="16"/>',
  notebook: '<rect x="260" y="220" width="280" height="380" rx="18"/><rect x="290" y="220" width="20" height="380"/>',
  socks: '<path d="M320 200h110v250l90 70a60 60 0 0 1-60 100l-150-110z"/>',
  jacket: '<path d="M260 230l90-40 50 60 50-60 90 40 70 170-60 30-30-60v320H280V370l-30 60-60-30z"/>',
};

function svg(width: number, height: number, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

export function productSvg(shape: ProductShape, hue: number, title: string): string {
  const background = `hsl(${hue} 45% 88%)`;
  const ink = `hsl(${hue} 40% 38%)`;
  return svg(
    800,
    800,
    `<rect width="800" height="800" fill="${background}"/><circle cx="400" cy="420" r="300" fill="hsl(${hue} 50% 94%)"/><g fill="${ink}">${SHAPES[shape]}</g>`,
    title,
  );
}

/** A "photo from a customer": the product on a table, in a room of some colour. */
export function reviewPhotoSvg(shape: ProductShape, hue: number, variant: number): string {
  const wall = `hsl(${(hue + variant * 47) % 360} 30% 80%)`;
  const table = `hsl(${(hue + 30) % 360} 25% ${45 + (variant % 3) * 8}%)`;
  const ink = `hsl(${hue} 40% 38%)`;
  const angle = (variant % 5) * 4 - 8;
  return svg(
    640,
    480,
    `<rect width="640" height="480" fill="${wall}"/><rect y="330" width="640" height="150" fill="${table}"/><circle cx="${120 + variant * 40}" cy="90" r="50" fill="hsl(45 90% 85%)"/><g transform="translate(160 60) scale(0.4) rotate(${angle} 400 400)" fill="${ink}">${SHAPES[shape]}</g>`,
    'Photo from a customer',
  );
}
