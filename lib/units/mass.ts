// Mass conversions for CO2e: grams are the unit stored and summed everywhere.

const G_PER_KG = 1_000;
const KG_PER_T = 1_000;

export const gToKg = (massG: number): number => massG / G_PER_KG;
export const kgToG = (massKg: number): number => massKg * G_PER_KG;

export const kgToT = (massKg: number): number => massKg / KG_PER_T;
export const tToKg = (massT: number): number => massT * KG_PER_T;

export const gToT = (massG: number): number => massG / (G_PER_KG * KG_PER_T);
export const tToG = (massT: number): number => massT * G_PER_KG * KG_PER_T;
