import type { NarrativeItem } from '../schema/index.ts';

/** Figures stated in the prose (RULES.md §11). */
export function extractNarrative(_prose: ReadonlyArray<{ text: string; line: number }>): NarrativeItem[] {
  return [];
}
