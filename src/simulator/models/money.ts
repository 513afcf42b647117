/**
 * Shared wire types of the simulator's objects, which are shaped exactly like Pleo's response schemas (see
 * the API map, section 19).
 *
 * The store keeps these wire shapes as they are, so a handler answers with the stored object and nothing is
 * lost or invented in a translation layer. Optional fields that the spec does not declare `nullable` are left
 * `undefined` (and so absent from the JSON) rather than `null`, because Pleo's schema forbids `null` there;
 * every file in this folder follows that rule.
 */

/** `Money`: minor units (£65.80 is 6580). Tax codes and accounting entries. */
export interface Money {
  currency: string;
  minors: number;
}

/** `MoneyModel`: export items; `value` is also in minor units despite being a number. */
export interface MoneyModel {
  currency: string;
  value: number;
}
