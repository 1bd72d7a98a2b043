import { APPLY_COL_IDS, colName } from './_values.ts';

/**
 * PW-04 hint for a failed A-02: an adjacent pair of single digits (not both 0) whose
 * concatenation, placed in either cell, makes 自然人 + 法人或其他组织 = 总计 hold.
 */
export function suggestSplitCell(row: string, cells: readonly number[]): string | null {
  for (let i = 0; i + 1 < cells.length; i++) {
    const a = cells[i]!;
    const b = cells[i + 1]!;
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && Number.isInteger(a) && Number.isInteger(b))) continue;
    if (a === 0 && b === 0) continue;
    const ab = a * 10 + b;
    for (const at of [i, i + 1]) {
      const fixed = [...cells];
      fixed[i] = 0;
      fixed[i + 1] = 0;
      fixed[at] = ab;
      const parts = fixed.slice(0, 6).reduce((x, y) => x + y, 0);
      if (parts === fixed[6]) {
        const c1 = colName(APPLY_COL_IDS[i]!);
        const c2 = colName(APPLY_COL_IDS[i + 1]!);
        return `疑似拆格：“${row}”行${c1}的${a}与${c2}的${b}可能为同一数${ab}`;
      }
    }
  }
  return null;
}
