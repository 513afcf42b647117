import type { SpendCategory } from "./locales/types.ts";

/**
 * How money is typically spent in each category, independent of country: the merchant category code (MCC)
 * a card network reports, a plausible amount range in major units of the company currency, whether it is a
 * service (bought from abroad it is reverse-charged) and whether it is usually billed by invoice.
 */
export interface SpendProfile {
  readonly mcc: string;
  readonly minMajor: number;
  readonly maxMajor: number;
  readonly service: boolean;
  readonly invoiced: boolean;
  readonly online: boolean;
  /** Employees pay this out of pocket now and then (taxi, meals, parking). */
  readonly outOfPocket: boolean;
}

export const SPEND_PROFILES: Readonly<Record<SpendCategory, SpendProfile>> = {
  travel: {
    mcc: "4112",
    minMajor: 12,
    maxMajor: 420,
    service: false,
    invoiced: false,
    online: true,
    outOfPocket: true,
  },
  hotel: {
    mcc: "7011",
    minMajor: 85,
    maxMajor: 480,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  taxi: {
    mcc: "4121",
    minMajor: 9,
    maxMajor: 75,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  fuel: {
    mcc: "5541",
    minMajor: 35,
    maxMajor: 110,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  parking: {
    mcc: "7523",
    minMajor: 3,
    maxMajor: 45,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  meals: {
    mcc: "5812",
    minMajor: 6,
    maxMajor: 140,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  entertainment: {
    mcc: "5813",
    minMajor: 45,
    maxMajor: 650,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: true,
  },
  office: {
    mcc: "5943",
    minMajor: 4,
    maxMajor: 260,
    service: false,
    invoiced: false,
    online: true,
    outOfPocket: true,
  },
  shipping: {
    mcc: "9402",
    minMajor: 2,
    maxMajor: 65,
    service: false,
    invoiced: false,
    online: false,
    outOfPocket: false,
  },
  telecom: {
    mcc: "4814",
    minMajor: 18,
    maxMajor: 140,
    service: true,
    invoiced: true,
    online: true,
    outOfPocket: false,
  },
  software: {
    mcc: "5734",
    minMajor: 8,
    maxMajor: 650,
    service: true,
    invoiced: false,
    online: true,
    outOfPocket: false,
  },
  hosting: {
    mcc: "4816",
    minMajor: 15,
    maxMajor: 2400,
    service: true,
    invoiced: true,
    online: true,
    outOfPocket: false,
  },
  subscriptions: {
    mcc: "5994",
    minMajor: 5,
    maxMajor: 60,
    service: true,
    invoiced: false,
    online: true,
    outOfPocket: false,
  },
  equipment: {
    mcc: "5732",
    minMajor: 25,
    maxMajor: 2200,
    service: false,
    invoiced: false,
    online: true,
    outOfPocket: false,
  },
  advertising: {
    mcc: "7311",
    minMajor: 40,
    maxMajor: 3200,
    service: true,
    invoiced: true,
    online: true,
    outOfPocket: false,
  },
  training: {
    mcc: "8299",
    minMajor: 120,
    maxMajor: 1600,
    service: true,
    invoiced: true,
    online: true,
    outOfPocket: false,
  },
  consulting: {
    mcc: "8931",
    minMajor: 650,
    maxMajor: 8500,
    service: true,
    invoiced: true,
    online: false,
    outOfPocket: false,
  },
  rent: {
    mcc: "6513",
    minMajor: 1800,
    maxMajor: 4800,
    service: true,
    invoiced: true,
    online: false,
    outOfPocket: false,
  },
  bank: {
    mcc: "6012",
    minMajor: 1,
    maxMajor: 35,
    service: true,
    invoiced: false,
    online: true,
    outOfPocket: false,
  },
};

/** Fixed exchange rates (units per EUR) so converted amounts are deterministic. */
const UNITS_PER_EUR: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 1.09,
  GBP: 0.85,
  SEK: 11.35,
  DKK: 7.46,
};

/** Converts minor units between the currencies the seed uses (all of them have two decimals). */
export function convertMinors(minors: number, from: string, to: string): number {
  if (from === to) return minors;
  const fromRate = UNITS_PER_EUR[from];
  const toRate = UNITS_PER_EUR[to];
  if (fromRate === undefined || toRate === undefined)
    throw new Error(`No seed exchange rate for ${from}/${to}`);
  return Math.round((minors / fromRate) * toRate);
}
