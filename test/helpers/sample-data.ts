/** Plain sample data for tests and stories: valid by core's schemas. */
import type { ChatStatus, FaqEntry, LoyaltyMember, LoyaltyProgram, Product, Review, Reward } from '@shopfront/core';

const day = 24 * 3600 * 1000;
const at = (daysAgo: number) => new Date(Date.UTC(2026, 10, 20) - daysAgo * day).toISOString();

export function sampleReview(overrides: Partial<Review> = {}): Review {
  return {
    id: 'review-1',
    productId: 'prod-1',
    rating: 5,
    title: 'Exactly as pictured',
    body: 'Soft, warm and the colour is lovely. Washed it twice and it still looks new.',
    authorName: 'Amelia R.',
    verifiedBuyer: true,
    createdAt: at(3),
    helpfulCount: 4,
    photos: [],
    reply: null,
    ...overrides,
  };
}

export function sampleReviews(productId = 'prod-1', count = 12): Review[] {
  const names = ['Amelia R.', 'Jonas K.', 'Fatima Z.', 'Lucía M.', 'Chen W.', 'Noah P.'];
  return Array.from({ length: count }, (_, i) =>
    sampleReview({
      id: `review-${i + 1}`,
      productId,
      rating: [5, 4, 5, 3, 5, 2, 4, 5, 1, 4][i % 10]!,
      title: `Review number ${i + 1}`,
      authorName: names[i % names.length]!,
      verifiedBuyer: i % 3 !== 0,
      createdAt: at(i * 2),
      helpfulCount: (i * 7) % 11,
      photos: i % 4 === 0 ? [{ url: `https://cdn.example.com/review-${i + 1}.jpg`, alt: 'Photo from the customer' }] : [],
    }),
  );
}

export const sampleProgram: LoyaltyProgram = {
  name: 'Harbour Rewards',
  pointsName: 'points',
  tiers: [
    { id: 'bronze', name: 'Bronze', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 500, perks: ['Free shipping'] },
    { id: 'gold', name: 'Gold', threshold: 1500, perks: ['Free shipping', 'Early access'] },
  ],
  waysToEarn: [
    { id: 'purchase', kind: 'purchase', label: '5 points per €1 spent', points: 5 },
    { id: 'review', kind: 'review', label: 'Write a review', points: 50 },
    { id: 'birthday', kind: 'birthday', label: 'Celebrate your birthday', points: 100 },
  ],
  signupUrl: 'https://shop.example.com/account/register',
  loginUrl: 'https://shop.example.com/account/login',
};

export const sampleMember: LoyaltyMember = {
  status: 'member',
  id: 'member-1',
  firstName: 'Amelia',
  points: 725,
  lifetimePoints: 1225,
  tier: sampleProgram.tiers[1]!,
  nextTier: sampleProgram.tiers[2]!,
  pointsToNextTier: 275,
  referralUrl: 'https://shop.example.com/r/amelia',
};

export const sampleRewards: Reward[] = [
  { id: 'five-off', name: '€5 off your order', cost: 500, kind: 'amount-off', value: 5 },
  { id: 'free-shipping', name: 'Free shipping', cost: 300, kind: 'free-shipping' },
  { id: 'ten-percent', name: '10% off', cost: 1000, kind: 'percent-off', value: 10 },
];

export const onlineStatus: ChatStatus = { state: 'online', agents: [{ name: 'Sam' }], replyMinutes: 2 };
export const awayStatus: ChatStatus = { state: 'away', reason: 'outside-hours', nextOpenAt: '2026-11-24T09:00:00Z' };

export const sampleFaq: FaqEntry[] = [
  {
    id: 'shipping-time',
    question: 'How long does shipping take?',
    answer: 'Orders ship within 2 business days.',
    category: 'Shipping',
    popularity: 90,
  },
  { id: 'returns', question: 'Can I return an item?', answer: 'Yes, within 30 days of delivery.', category: 'Returns', popularity: 80 },
  { id: 'care', question: 'How do I wash wool?', answer: 'Hand wash cold, dry flat.', category: 'Care', tags: ['wool'] },
];

export function sampleProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'prod-1',
    handle: 'harbour-sweater',
    title: 'Harbour wool sweater',
    url: 'https://shop.example.com/products/harbour-sweater',
    image: { url: 'https://cdn.example.com/harbour-sweater.jpg', alt: 'A blue wool sweater', width: 800, height: 800 },
    price: 89,
    compareAtPrice: null,
    currency: 'EUR',
    available: true,
    ...overrides,
  };
}
