/**
 * A reusable buffer of UTF-16 code units for text built one character at a time: a scan that
 * writes its edits here and reads one string back costs far less than a regex replace calling
 * back for each edit, or a string per piece.
 */
export class CodeUnits {
  units = new Uint16Array(1 << 14);

  /** Room for `size` code units, those written kept. */
  reserve(size: number): void {
    if (this.units.length >= size) return;
    const grown = new Uint16Array(size * 2);
    grown.set(this.units);
    this.units = grown;
  }

  /** Writes `s` from `at`, room made (one native write; 'utf16le' keeps a lone surrogate as it is). */
  write(s: string, at: number): void {
    this.reserve(at + s.length);
    if (LITTLE_ENDIAN) Buffer.from(this.units.buffer).write(s, at * 2, 'utf16le');
    else for (let i = 0; i < s.length; i++) this.units[at + i] = s.charCodeAt(i);
  }

  /** units[from, to) as a string ('utf16le' keeps a lone surrogate, which TextDecoder would replace). */
  read(from: number, to: number): string {
    const bytes = Buffer.from(this.units.buffer, from * 2, (to - from) * 2);
    return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
  }
}

/** Whether a Uint16Array holds its units little-endian, as Buffer's 'utf16le' reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
