/** The demo shop's FAQ: more than 80 entries in ten categories. */
import type { FaqEntry } from '@shopfront/core/schemas.js';

type Entry = [question: string, answer: string, tags?: string[]];

const CATEGORIES: Record<string, Entry[]> = {
  Shipping: [
    [
      'How long does shipping take?',
      'Orders leave our workshop within 2 business days. Delivery then takes 1–3 days in the EU and 3–7 days elsewhere.',
      ['delivery', 'time'],
    ],
    [
      'How much does shipping cost?',
      'Standard shipping is €4.90 in the EU and free on orders over €60. International rates are shown at checkout.',
      ['price', 'free shipping'],
    ],
    ['Can I track my parcel?', 'Yes. As soon as your order ships we email you a tracking link.', ['tracking']],
    [
      'Do you offer express delivery?',
      'Express delivery (next business day in most of the EU) is available at checkout for €12.',
      ['express', 'fast'],
    ],
    [
      'My parcel has not arrived. What should I do?',
      'Check the tracking link first. If it has not moved for 5 business days, write to us and we will open an investigation with the carrier.',
      ['lost', 'missing'],
    ],
    [
      'Can I change my delivery address after ordering?',
      'If your order has not shipped yet, yes: reply to your order confirmation or ask us in the chat.',
      ['address'],
    ],
    ['Do you ship to PO boxes?', 'Yes, with standard shipping. Express couriers cannot deliver to PO boxes.', ['po box']],
  ],
  'Returns and exchanges': [
    [
      'What is your return policy?',
      'You can return unworn, unwashed items within 30 days of delivery for a full refund.',
      ['refund', 'return'],
    ],
    [
      'How do I return an item?',
      'Start a return from your account page or the link in your shipping email, print the label and drop the parcel at any post office.',
      ['label'],
    ],
    ['Are returns free?', 'Returns are free within the EU. From elsewhere, return shipping is at your cost.', ['free returns']],
    [
      'How long do refunds take?',
      'We refund within 3 business days of receiving your return. Your bank may take a few more days.',
      ['refund'],
    ],
    [
      'Can I exchange for a different size?',
      'Yes. Choose "exchange" when you start the return and we ship the new size as soon as the first parcel is scanned.',
      ['size', 'exchange'],
    ],
    [
      'My item arrived damaged. What now?',
      'We are sorry! Send us a photo in the chat or by email and we will send a replacement straight away, no return needed.',
      ['damaged', 'broken'],
    ],
    ['Can I return sale items?', 'Sale items can be returned within 14 days.', ['sale']],
    ['Can I return a gift?', 'Yes, with the gift receipt or the order number. The refund goes to a gift card.', ['gift']],
  ],
  Orders: [
    [
      'Can I cancel my order?',
      'Orders can be cancelled within one hour of purchase from your confirmation email, or by asking us in the chat.',
      ['cancel'],
    ],
    [
      'Can I add an item to my order?',
      'If your order has not been packed yet we can add items. Ask us in the chat with your order number.',
      ['modify'],
    ],
    [
      'I did not receive an order confirmation.',
      'Check your spam folder. If it is not there, ask us in the chat and we will resend it.',
      ['email', 'confirmation'],
    ],
    ['Do you offer gift wrapping?', 'Yes, for €3 per order: recycled paper and a handwritten card.', ['gift', 'wrap']],
    ['Can I order by phone?', 'We do not take phone orders, but we are happy to help you order in the chat.', ['phone']],
    [
      'Is an item coming back in stock?',
      'Most items are restocked within 4 weeks. Sign up for the restock email on the product page.',
      ['restock', 'sold out'],
    ],
    ['Do you sell wholesale?', 'Yes. Write to us with your shop name and we will send our wholesale catalogue.', ['wholesale', 'b2b']],
    ['Can I order a product that is sold out?', 'Not yet, but the product page tells you when it is expected back.', ['preorder']],
  ],
  Payment: [
    [
      'Which payment methods do you accept?',
      'Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, iDEAL and Klarna.',
      ['card', 'paypal'],
    ],
    [
      'Is it safe to pay on your site?',
      'Payments are processed by our payment provider; we never see or store your card number.',
      ['security'],
    ],
    ['When is my card charged?', 'When your order is placed. Pre-orders are charged when they ship.', ['charge']],
    ['Can I pay in instalments?', 'Yes, with Klarna at checkout for orders over €50.', ['klarna', 'instalments']],
    ['Which currencies can I pay in?', 'Prices are in euros. Your bank converts other currencies at its rate.', ['currency']],
    [
      'Do prices include VAT?',
      'Yes, prices in the EU include VAT. Orders outside the EU may pay import duties on delivery.',
      ['vat', 'tax', 'duties'],
    ],
    ['Can I get an invoice?', 'Your invoice is attached to the shipping email and available in your account.', ['invoice']],
    [
      'Why was my payment declined?',
      'Usually the bank blocks an unusual purchase. Try again or use another method; your bank can tell you more.',
      ['declined'],
    ],
  ],
  'Products and care': [
    [
      'How do I wash wool?',
      'Hand wash cold with wool detergent, press the water out in a towel and dry flat. Never tumble dry.',
      ['wool', 'wash'],
    ],
    ['Is the stoneware dishwasher safe?', 'Yes, our mugs and planters are dishwasher and microwave safe.', ['mug', 'dishwasher']],
    [
      'How long does a candle burn?',
      'About 45 hours. Trim the wick to 5 mm before each burn and burn for at least an hour the first time.',
      ['candle'],
    ],
    [
      'Is the rain jacket fully waterproof?',
      'Yes: 20,000 mm waterproof with taped seams. Reproof it once a season with a wash-in treatment.',
      ['jacket', 'waterproof'],
    ],
    ['Are your products vegan?', 'Our candles, soaps and tea are vegan. Wool and the tote handles are animal products.', ['vegan']],
    [
      'Where are your products made?',
      'Knitwear in Portugal, ceramics in our own studio, candles and soap in small workshops in France.',
      ['origin', 'made in'],
    ],
    ['Does the soap contain palm oil?', 'No. We use olive, coconut and shea butter.', ['soap', 'palm oil']],
    [
      'How do I look after the canvas tote?',
      'Spot clean with a damp cloth. Machine washing softens the canvas and can shrink it.',
      ['tote'],
    ],
    ['Does the tea contain caffeine?', 'Yes, green tea has about a third of the caffeine of coffee.', ['tea', 'caffeine']],
    ['Will the sweater pill?', 'All wool pills a little at first. A wool comb removes it and it settles after a few washes.', ['pilling']],
    ['Are the notebooks acid-free?', 'Yes, 100 g/m² acid-free paper that takes fountain pen ink.', ['paper']],
    ['Do you offer repairs?', 'We repair our knitwear for free in the first two years. Ask us in the chat.', ['repair']],
  ],
  Sizing: [
    ['How do your sweaters fit?', 'Relaxed: most people take their usual size. Size down for a closer fit.', ['fit']],
    ['Where is the size guide?', 'Every clothing page has a size guide link under the size selector.', ['size guide']],
    ['How do I measure myself?', 'Measure around the fullest part of your chest with a soft tape, under your arms.', ['measure']],
    ['Do the socks come in several sizes?', 'Yes: 36–40 and 41–46.', ['socks']],
    ['Does the jacket fit over a sweater?', 'Yes, there is room for a thick knit underneath.', ['jacket']],
    ['Is the beanie one size?', 'Yes, it stretches to fit most adult heads.', ['beanie']],
  ],
  Rewards: [
    ['How do I join the rewards programme?', 'Create an account: you join automatically and get 100 welcome points.', ['loyalty', 'join']],
    [
      'How do I earn points?',
      'You earn 5 points for every euro you spend, 50 for a review, and more on your birthday and for referrals.',
      ['points', 'earn'],
    ],
    [
      'How do I redeem points?',
      'Open the rewards badge, pick a reward, and you get a discount code to use at checkout.',
      ['redeem', 'discount'],
    ],
    ['Do points expire?', 'Points expire after 12 months without any activity on your account.', ['expire']],
    [
      'What are the tiers?',
      'Deckhand from your first order, Navigator from 500 lifetime points and Captain from 1,500, each with more perks.',
      ['tiers'],
    ],
    ['Can I combine a reward with a sale?', 'Yes, one reward code per order, on top of sale prices.', ['combine']],
    [
      'How does referring a friend work?',
      'Share your referral link. When your friend places a first order you get 200 points and they get €5 off.',
      ['referral'],
    ],
    [
      'Why are my points pending?',
      'Points from an order are confirmed 14 days after delivery, once the return window has passed.',
      ['pending'],
    ],
  ],
  'Account and privacy': [
    [
      'Do I need an account to order?',
      'No, you can check out as a guest. An account keeps your orders and rewards in one place.',
      ['guest'],
    ],
    ['How do I reset my password?', 'Click "Forgot password" on the sign-in page and follow the email.', ['password']],
    ['How do I delete my account?', 'Ask us in the chat or by email; we delete your data within 30 days.', ['delete', 'gdpr']],
    [
      'What data do you keep about me?',
      'Your orders, addresses and rewards. Our privacy policy lists everything and how long we keep it.',
      ['privacy', 'data'],
    ],
    ['How do I unsubscribe from emails?', 'Use the link at the bottom of any email, or turn emails off in your account.', ['newsletter']],
    [
      'Does the chat remember me?',
      'The chat keeps your conversation in this browser so you can pick it up later. It stores no name or email in your browser.',
      ['chat'],
    ],
  ],
  Sustainability: [
    ['Is your packaging plastic-free?', 'Yes: recycled cardboard, paper tape and paper filling.', ['packaging', 'plastic']],
    ['Do you offset shipping emissions?', 'We pay for certified carbon removal for every parcel we send.', ['carbon']],
    ['What happens to returned items?', 'Items in perfect condition are resold; the rest are repaired, donated or recycled.', ['returns']],
    ['Is your wool mulesing-free?', 'Yes, all our wool is certified mulesing-free.', ['wool', 'animal welfare']],
    ['Can I send back old products for recycling?', 'Yes, send us any of our textiles and get 100 points.', ['recycling']],
    ['Are your dyes safe?', 'We use OEKO-TEX certified dyes.', ['dyes']],
  ],
  'Gift cards': [
    ['Do you sell gift cards?', 'Yes, digital gift cards from €10 to €200, sent by email on the date you choose.', ['gift card']],
    ['Do gift cards expire?', 'Gift cards are valid for 3 years.', ['expire']],
    ['Can I use a gift card with a discount code?', 'Yes, both can be used in one order.', ['combine']],
    ['I lost my gift card email.', "Ask us in the chat with the buyer's email and we will resend it.", ['lost']],
    ['Can I check my gift card balance?', 'Enter the code at checkout and the balance is shown before you pay.', ['balance']],
  ],
};

const COUNTRIES: Array<[country: string, days: string, price: string]> = [
  ['Germany', '1–2', '€4.90'],
  ['France', '1–3', '€4.90'],
  ['the Netherlands', '1–2', '€4.90'],
  ['Belgium', '1–2', '€4.90'],
  ['Spain', '2–4', '€4.90'],
  ['Italy', '2–4', '€4.90'],
  ['Austria', '2–3', '€4.90'],
  ['Ireland', '2–4', '€5.90'],
  ['Sweden', '2–4', '€5.90'],
  ['Denmark', '2–3', '€5.90'],
  ['the United Kingdom', '3–5', '€8.90'],
  ['Switzerland', '3–5', '€9.90'],
  ['Norway', '3–6', '€9.90'],
  ['the United States', '5–8', '€14.90'],
  ['Canada', '5–9', '€14.90'],
  ['Australia', '7–12', '€19.90'],
];

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export function demoFaq(now = Date.now()): FaqEntry[] {
  const entries: FaqEntry[] = [];
  const updatedAt = new Date(now - 30 * 24 * 3600 * 1000).toISOString();
  let popularity = 100;
  for (const [category, list] of Object.entries(CATEGORIES)) {
    for (const [question, answer, tags] of list) {
      entries.push({
        id: slug(question),
        question,
        answer,
        category,
        ...(tags ? { tags } : {}),
        popularity: Math.max(popularity, 1),
        updatedAt,
      });
      popularity -= 1;
    }
  }
  for (const [country, days, price] of COUNTRIES) {
    entries.push({
      id: slug(`ship-to-${country}`),
      question: `Do you ship to ${country}?`,
      answer: `Yes. Delivery to ${country} takes ${days} business days after dispatch and costs ${price}, free on orders over €60 in the EU.`,
      category: 'Shipping',
      tags: ['international', country.replace(/^the /, '')],
      popularity: 10,
      updatedAt,
    });
  }
  return entries;
}
