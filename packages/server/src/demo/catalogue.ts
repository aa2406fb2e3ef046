/** The demo shop's products, loyalty programme and business hours. */
import type { BusinessHours, Reward, Tier, WayToEarn } from '@shopfront/core/schemas.js';
import type { StoredProduct } from '../storage/index.js';
import type { ProductShape } from './svg.js';

export interface DemoProduct {
  handle: string;
  title: string;
  price: number;
  compareAtPrice?: number;
  available?: boolean;
  shape: ProductShape;
  hue: number;
  description: string;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    handle: 'harbour-sweater',
    title: 'Harbour wool sweater',
    price: 89,
    shape: 'sweater',
    hue: 215,
    description: 'Chunky lambswool knit in a relaxed fit, made to be worn for years.',
  },
  {
    handle: 'tidal-beanie',
    title: 'Tidal ribbed beanie',
    price: 24,
    shape: 'beanie',
    hue: 12,
    description: 'A soft merino beanie with a deep turn-up, for windy mornings on the quay.',
  },
  {
    handle: 'driftwood-mug',
    title: 'Driftwood stoneware mug',
    price: 18,
    shape: 'mug',
    hue: 30,
    description: 'Hand-thrown stoneware with a speckled glaze. Holds 350 ml.',
  },
  {
    handle: 'lighthouse-candle',
    title: 'Lighthouse soy candle',
    price: 22,
    compareAtPrice: 28,
    shape: 'candle',
    hue: 48,
    description: 'Sea salt and cedar, poured by hand; about 45 hours of burn time.',
  },
  {
    handle: 'anchor-tote',
    title: 'Anchor canvas tote',
    price: 35,
    shape: 'tote',
    hue: 200,
    description: 'Heavy organic canvas with leather handles and an inside pocket.',
  },
  {
    handle: 'salt-spray-soap',
    title: 'Salt spray soap bar',
    price: 9,
    shape: 'soap',
    hue: 170,
    description: 'Cold-process soap with sea kelp and a fresh rosemary scent.',
  },
  {
    handle: 'fjord-scarf',
    title: 'Fjord merino scarf',
    price: 49,
    shape: 'scarf',
    hue: 260,
    description: 'Fine merino in a herringbone weave, long enough to wrap twice.',
  },
  {
    handle: 'pebble-planter',
    title: 'Pebble ceramic planter',
    price: 29,
    shape: 'planter',
    hue: 140,
    description: 'A matte planter with a drainage hole and a cork saucer.',
  },
  {
    handle: 'kelp-tea',
    title: 'Kelp and mint tea tin',
    price: 14,
    shape: 'tin',
    hue: 100,
    description: 'Loose-leaf green tea with mint and a hint of sea kelp; 80 g.',
  },
  {
    handle: 'sailcloth-notebook',
    title: 'Sailcloth notebook',
    price: 16,
    shape: 'notebook',
    hue: 350,
    description: 'A5, 160 dotted pages, bound in recycled sailcloth.',
  },
  {
    handle: 'compass-socks',
    title: 'Compass wool socks (3 pairs)',
    price: 27,
    available: false,
    shape: 'socks',
    hue: 5,
    description: 'Cushioned wool-blend socks in three colours. Back in stock soon.',
  },
  {
    handle: 'storm-jacket',
    title: 'Storm rain jacket',
    price: 149,
    compareAtPrice: 179,
    shape: 'jacket',
    hue: 190,
    description: 'Waterproof, breathable and packable, with taped seams and a deep hood.',
  },
];

export function demoProducts(): StoredProduct[] {
  return DEMO_PRODUCTS.map((product, index) => ({
    id: `prod-${index + 1}`,
    handle: product.handle,
    title: product.title,
    url: `/products/${product.handle}`,
    image: { url: `/media/demo/products/${product.handle}.svg`, alt: product.title, width: 800, height: 800 },
    price: product.price,
    compareAtPrice: product.compareAtPrice ?? null,
    currency: 'EUR',
    available: product.available ?? true,
    description: product.description,
  }));
}

export const DEMO_TIERS: Tier[] = [
  { id: 'deckhand', name: 'Deckhand', threshold: 0, perks: ['Points on every order'] },
  { id: 'navigator', name: 'Navigator', threshold: 500, perks: ['Free shipping', 'Birthday gift'] },
  {
    id: 'captain',
    name: 'Captain',
    threshold: 1500,
    perks: ['Free shipping', 'Early access to new collections', 'Double points weekends'],
  },
];

export const DEMO_WAYS_TO_EARN: WayToEarn[] = [
  { id: 'purchase', kind: 'purchase', label: '5 points for every €1 you spend', points: 5 },
  { id: 'signup', kind: 'signup', label: 'Create an account', points: 100, url: '/account' },
  { id: 'review', kind: 'review', label: 'Write a review (25 more with a photo)', points: 50, photoBonus: 25 },
  { id: 'birthday', kind: 'birthday', label: 'Celebrate your birthday', points: 100 },
  {
    id: 'referral',
    kind: 'referral',
    label: 'Refer a friend: 200 points when they place their first order, and 100 for them',
    points: 200,
    friendPoints: 100,
  },
  { id: 'social', kind: 'social', label: 'Follow us on social media', points: 25 },
];

export const DEMO_REWARDS: Reward[] = [
  {
    id: 'free-shipping',
    name: 'Free shipping',
    description: 'Free standard shipping on your next order.',
    cost: 300,
    kind: 'free-shipping',
  },
  { id: 'five-off', name: '€5 off your order', description: 'On any order over €30.', cost: 500, kind: 'amount-off', value: 5 },
  {
    id: 'ten-percent',
    name: '10% off',
    description: 'Ten percent off everything in one order.',
    cost: 1000,
    kind: 'percent-off',
    value: 10,
  },
  { id: 'free-mug', name: 'A free Driftwood mug', description: 'Added to your next order.', cost: 1200, kind: 'free-product' },
  { id: 'twenty-off', name: '€20 off your order', description: 'On any order over €80.', cost: 1800, kind: 'amount-off', value: 20 },
];

export const DEMO_CUSTOMER = { id: 'demo-customer-1', firstName: 'Amelia', email: 'amelia@example.com' };

/** Open every day, longer on weekdays, in the server's own time zone so a newcomer sees local hours. */
export function demoBusinessHours(timeZone: string): BusinessHours {
  return {
    timeZone,
    hours: [
      ...[1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '20:00' })),
      { day: 6, opens: '10:00', closes: '18:00' },
      { day: 0, opens: '10:00', closes: '16:00' },
    ],
  };
}
