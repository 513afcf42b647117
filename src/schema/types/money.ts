import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";

/** An amount as Pleo states it: integer minor units of a currency (£65.80 is 6580 GBP). */
export interface MoneyModel {
  readonly minors: number;
  readonly currency: string;
}

/** ISO 4217 currencies whose minor unit is not 1/100. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BHD: 3,
  BIF: 0,
  CLF: 4,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Exact decimal string of minor units, without floating point: 6580 GBP → "65.80". */
function decimalAmount(money: MoneyModel): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.minors < 0;
  const digits = Math.abs(money.minors)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(-exponent)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

builder.scalarType("MinorUnits", {
  description: "An integer amount in a currency's minor units; up to 2^53-1, beyond GraphQL's 32-bit Int.",
  serialize: (value) => {
    if (typeof value !== "number" || !Number.isSafeInteger(value))
      throw new GraphQLError("MinorUnits must be a safe integer.");
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== "number" || !Number.isSafeInteger(value))
      throw new GraphQLError("MinorUnits must be a safe integer.");
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError("MinorUnits must be an integer.");
    const value = Number(ast.value);
    if (!Number.isSafeInteger(value)) throw new GraphQLError("MinorUnits must be a safe integer.");
    return value;
  },
});

export const Money = builder.objectRef<MoneyModel>("Money").implement({
  description: "An amount of money, exact: integer minor units plus ISO 4217 currency.",
  fields: (t) => ({
    minorUnits: t.field({ type: "MinorUnits", resolve: (m) => m.minors }),
    currency: t.string({ description: "ISO 4217 code.", resolve: (m) => m.currency }),
    amount: t.string({
      description: 'The exact decimal amount in major units, e.g. "65.80" (no floating point).',
      resolve: (m) => decimalAmount(m),
    }),
  }),
});
