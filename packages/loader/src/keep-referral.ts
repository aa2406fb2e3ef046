// The chunk the loader fetches on a visit from an advocate's link: importing it keeps the code (./referral.ts).
import { keepReferral } from './referral.js';

keepReferral();
