/** About 300 demo reviews in six languages, some with photos and shop replies. Deterministic. */
import type { MerchantReply } from '@shopfront/core/schemas.js';
import type { NewReview } from '../storage/index.js';
import { DEMO_PRODUCTS } from './catalogue.js';

type Mood = 'good' | 'mixed' | 'bad';
interface Language {
  code: string;
  names: string[];
  titles: Record<Mood, string[]>;
  sentences: Record<Mood, string[]>;
}

const LANGUAGES: Language[] = [
  {
    code: 'en',
    names: ['Amelia R.', 'Noah P.', 'Grace T.', 'Oliver S.', 'Isla M.', 'Jack W.', 'Sophie L.', 'Harry B.', 'Mia K.', 'Leo D.'],
    titles: {
      good: ['Love it', 'Exactly as pictured', 'Great quality', 'Would buy again', 'Perfect gift', 'Better than expected'],
      mixed: ['Good, not perfect', 'Nice but pricey', 'Does the job', 'Almost there'],
      bad: ['Disappointed', 'Not for me', 'Expected more'],
    },
    sentences: {
      good: [
        'The quality is excellent and it arrived quickly.',
        'Looks even better in person.',
        'I have used it every day for a month and it still looks new.',
        'Bought one for my sister too.',
        'The packaging was plastic-free, which I appreciate.',
        'Lovely colour and beautifully made.',
      ],
      mixed: [
        'The colour is a little darker than in the photos.',
        'It took a week longer to arrive than I expected.',
        'Good quality, but I think the price is on the high side.',
        'Nice, though smaller than I imagined.',
      ],
      bad: [
        'It arrived damaged, although support replaced it quickly.',
        'Much smaller than I expected.',
        'The stitching came loose after two washes.',
        'Not worth the price for me.',
      ],
    },
  },
  {
    code: 'fr',
    names: ['Camille D.', 'Lucas M.', 'Chloé B.', 'Hugo L.', 'Léa P.'],
    titles: {
      good: ['Parfait', 'Très belle qualité', 'Je recommande', 'Superbe'],
      mixed: ['Bien, sans plus', 'Joli mais cher'],
      bad: ['Déçue', 'Pas à la hauteur'],
    },
    sentences: {
      good: [
        'Conforme à la photo et très bien fini.',
        'Livraison rapide et emballage soigné.',
        'Je l’utilise tous les jours, ravie de mon achat.',
      ],
      mixed: ['La couleur est un peu différente de la photo.', 'Bonne qualité mais un peu cher.'],
      bad: ['Arrivé abîmé, mais le service client a été réactif.', 'Plus petit que prévu.'],
    },
  },
  {
    code: 'de',
    names: ['Jonas K.', 'Lena S.', 'Felix W.', 'Hannah B.', 'Paul R.'],
    titles: {
      good: ['Super Qualität', 'Sehr zufrieden', 'Klare Empfehlung', 'Wunderschön'],
      mixed: ['Ganz gut', 'Schön, aber teuer'],
      bad: ['Enttäuscht', 'Leider nicht gut'],
    },
    sentences: {
      good: ['Schnelle Lieferung und tolle Verarbeitung.', 'Sieht in echt noch besser aus.', 'Ich benutze es jeden Tag.'],
      mixed: ['Die Farbe ist etwas dunkler als auf dem Foto.', 'Gute Qualität, aber der Preis ist hoch.'],
      bad: ['Kam beschädigt an, wurde aber schnell ersetzt.', 'Nach zwei Wäschen nicht mehr schön.'],
    },
  },
  {
    code: 'es',
    names: ['Lucía M.', 'Mateo G.', 'Sofía R.', 'Daniel P.'],
    titles: {
      good: ['Me encanta', 'Muy buena calidad', 'Lo recomiendo'],
      mixed: ['Está bien', 'Bonito pero caro'],
      bad: ['Decepcionante', 'No lo recomiendo'],
    },
    sentences: {
      good: ['Llegó rápido y está muy bien hecho.', 'Es igual que en la foto.', 'Lo uso a diario y sigue como nuevo.'],
      mixed: ['El color es algo distinto al de la foto.', 'Buena calidad, aunque un poco caro.'],
      bad: ['Llegó dañado, pero lo cambiaron enseguida.', 'Más pequeño de lo que esperaba.'],
    },
  },
  {
    code: 'it',
    names: ['Giulia F.', 'Marco B.', 'Chiara R.'],
    titles: { good: ['Bellissimo', 'Ottima qualità'], mixed: ['Carino'], bad: ['Deluso'] },
    sentences: {
      good: ['Arrivato in fretta e fatto benissimo.', 'Ancora più bello dal vivo.'],
      mixed: ['Buona qualità ma un po’ caro.'],
      bad: ['Arrivato rovinato, ma l’assistenza è stata rapida.'],
    },
  },
  {
    code: 'ar',
    names: ['فاطمة ز.', 'أحمد س.', 'ليلى ك.'],
    titles: { good: ['رائع', 'جودة ممتازة'], mixed: ['جيد'], bad: ['مخيب للآمال'] },
    sentences: {
      good: ['وصل بسرعة والجودة ممتازة.', 'أجمل من الصور.'],
      mixed: ['اللون مختلف قليلاً عن الصورة.'],
      bad: ['وصل متضرراً لكن خدمة العملاء استبدلته بسرعة.'],
    },
  },
];

/** A small deterministic generator, so every fresh database gets the same reviews. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLIES: Record<Mood, string> = {
  good: 'Thank you so much! We are glad it found a good home.',
  mixed: 'Thank you for the honest review. We have passed your notes to the team.',
  bad: 'We are sorry to hear this. Please write to us in the chat and we will make it right.',
};

export interface DemoPhotoRef {
  product: number;
  variant: number;
}

/** `/media/demo/photos/<product>-<variant>.svg`: drawn on request from these two numbers. */
export const demoPhotoPath = (photo: DemoPhotoRef) => `/media/demo/photos/${photo.product}-${photo.variant}.svg`;

export function demoReviews(now = Date.now(), count = 300): NewReview[] {
  const next = random(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const reviews: NewReview[] = [];
  for (let i = 0; i < count; i++) {
    const productIndex = i % DEMO_PRODUCTS.length;
    const product = DEMO_PRODUCTS[productIndex]!;
    const roll = next();
    const language = roll < 0.5 ? LANGUAGES[0]! : pick(LANGUAGES.slice(1));
    const rating = pick([5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1]);
    const mood: Mood = rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
    const sentences = language.sentences[mood];
    const first = pick(sentences);
    const second = pick(sentences);
    const body = first === second ? first : `${first} ${second}`;
    const createdAt = new Date(now - Math.floor(next() * 400 * 24 * 3600 * 1000) - i * 1000).toISOString();
    const withPhotos = next() < 0.2;
    const photos = withPhotos
      ? Array.from({ length: 1 + Math.floor(next() * 3) }, (_, v) => ({
          url: demoPhotoPath({ product: productIndex, variant: (i + v) % 10 }),
          alt: `Photo of the ${product.title.toLowerCase()} from a customer`,
          width: 640,
          height: 480,
        }))
      : [];
    const replied = mood === 'bad' ? next() < 0.7 : next() < 0.08;
    const reply: MerchantReply | null = replied
      ? {
          body: REPLIES[mood],
          authorName: 'Harbour & Co.',
          createdAt: new Date(Date.parse(createdAt) + 2 * 24 * 3600 * 1000).toISOString(),
        }
      : null;
    reviews.push({
      id: `demo-review-${String(i + 1).padStart(3, '0')}`,
      productId: `prod-${productIndex + 1}`,
      rating,
      title: pick(language.titles[mood]),
      body,
      authorName: pick(language.names),
      verifiedBuyer: next() < 0.75,
      language: language.code,
      photos,
      status: 'published',
      createdAt,
      helpfulCount: Math.floor(next() * next() * 40),
      reply,
    });
  }
  return reviews;
}

/** A few reviews waiting for moderation, so the inbox has something to do. */
export function demoPendingReviews(now = Date.now()): NewReview[] {
  return [
    {
      productId: 'prod-1',
      rating: 2,
      title: 'Itchy',
      body: 'Warm, but it itches on bare skin.',
      authorName: 'Sam O.',
      photos: [],
      status: 'pending',
      createdAt: new Date(now - 3600_000).toISOString(),
    },
    {
      productId: 'prod-3',
      rating: 3,
      title: 'Nice mug',
      body: 'Lovely glaze, the handle is a bit small for my hand.',
      authorName: 'Priya N.',
      photos: [],
      status: 'pending',
      createdAt: new Date(now - 7200_000).toISOString(),
    },
    {
      productId: 'prod-12',
      rating: 1,
      title: 'Leaks at the zip',
      body: 'Water gets in at the front zip in heavy rain.',
      authorName: 'Tom H.',
      photos: [],
      status: 'pending',
      createdAt: new Date(now - 86_400_000).toISOString(),
    },
  ];
}
