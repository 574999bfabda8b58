import type { Variant } from '../kit/types.ts';

/**
 * Behaviours that differ from this reference server but conform to the vendor's document and the
 * RFCs, each switchable like a fault. A run against any of them must fail no MUST and warn only on
 * the SHOULDs the variant lists (selftest/reference-variants.spec.ts).
 */
export const VARIANTS = {} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;
