/**
 * A small QR code encoder (ISO/IEC 18004, byte mode, versions 1–10, error correction M or L),
 * enough for an otpauth:// URI. Returns the module matrix, true = dark, or null when the text is
 * too long.
 */

type ErrorLevel = 'M' | 'L';
/** Per version: error-correction codewords per block, and the data codewords of each block. */
type BlockLayout = { ecPerBlock: number; blocks: number[] };

const layouts: Record<ErrorLevel, BlockLayout[]> = {
  M: [
    { ecPerBlock: 10, blocks: [16] },
    { ecPerBlock: 16, blocks: [28] },
    { ecPerBlock: 26, blocks: [44] },
    { ecPerBlock: 18, blocks: [32, 32] },
    { ecPerBlock: 24, blocks: [43, 43] },
    { ecPerBlock: 16, blocks: [27, 27, 27, 27] },
    { ecPerBlock: 18, blocks: [31, 31, 31, 31] },
    { ecPerBlock: 22, blocks: [38, 38, 39, 39] },
    { ecPerBlock: 22, blocks: [36, 36, 36, 37, 37] },
    { ecPerBlock: 26, blocks: [43, 43, 43, 43, 44] },
  ],
  L: [
    { ecPerBlock: 7, blocks: [19] },
    { ecPerBlock: 10, blocks: [34] },
    { ecPerBlock: 15, blocks: [55] },
    { ecPerBlock: 20, blocks: [80] },
    { ecPerBlock: 26, blocks: [108] },
    { ecPerBlock: 18, blocks: [68, 68] },
    { ecPerBlock: 20, blocks: [78, 78] },
    { ecPerBlock: 24, blocks: [97, 97] },
    { ecPerBlock: 30, blocks: [116, 116] },
    { ecPerBlock: 18, blocks: [68, 68, 69, 69] },
  ],
};

/** Centres of the alignment patterns per version (rows and columns alike). */
const alignmentCentres: number[][] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const formatLevelBits: Record<ErrorLevel, number> = { L: 1, M: 0 };

// Arithmetic in GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const exp = new Array<number>(512).fill(0);
const log = new Array<number>(256).fill(0);
{
  let value = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = value;
    log[value] = i;
    value <<= 1;
    if (value & 0x100) value ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) exp[i] = exp[i - 255] as number;
}
function multiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : (exp[(log[a] as number) + (log[b] as number)] as number);
}

/** Reed–Solomon error-correction codewords of one block. */
function computeErrorCorrection(data: readonly number[], count: number): number[] {
  // Generator polynomial (x - α^0)(x - α^1)…(x - α^(count-1)), highest degree first, leading 1 left out.
  let generator = [1];
  for (let i = 0; i < count; i++) {
    const next = new Array<number>(generator.length + 1).fill(0);
    for (let j = 0; j < generator.length; j++) {
      next[j] = (next[j] as number) ^ (generator[j] as number);
      next[j + 1] = (next[j + 1] as number) ^ multiply(generator[j] as number, exp[i] as number);
    }
    generator = next;
  }
  const remainder = new Array<number>(count).fill(0);
  for (const byte of data) {
    const factor = byte ^ (remainder.shift() as number);
    remainder.push(0);
    for (let j = 0; j < count; j++) remainder[j] = (remainder[j] as number) ^ multiply(generator[j + 1] as number, factor);
  }
  return remainder;
}

/** The data codewords: mode, length, bytes, terminator and padding. */
function encodeData(bytes: Uint8Array, version: number, capacity: number): number[] | null {
  const lengthBits = version < 10 ? 8 : 16;
  if (4 + lengthBits + bytes.length * 8 > capacity * 8) return null;
  const bits: number[] = [];
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, lengthBits);
  for (const byte of bytes) push(byte, 8);
  push(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0));
  for (let pad = 0; codewords.length < capacity; pad++) codewords.push(pad % 2 === 0 ? 0xec : 0x11);
  return codewords;
}

/** Splits into blocks, adds error correction and interleaves, as the symbol stores them. */
function interleave(data: number[], layout: BlockLayout): number[] {
  const blocks: number[][] = [];
  let offset = 0;
  for (const size of layout.blocks) {
    blocks.push(data.slice(offset, offset + size));
    offset += size;
  }
  const corrections = blocks.map((block) => computeErrorCorrection(block, layout.ecPerBlock));
  const result: number[] = [];
  const longest = Math.max(...layout.blocks);
  for (let i = 0; i < longest; i++) for (const block of blocks) if (i < block.length) result.push(block[i] as number);
  for (let i = 0; i < layout.ecPerBlock; i++) for (const correction of corrections) result.push(correction[i] as number);
  return result;
}

const maskConditions: ((row: number, col: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

class QrSymbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = 17 + 4 * version;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }

  set(row: number, col: number, dark: boolean): void {
    (this.dark[row] as boolean[])[col] = dark;
    (this.reserved[row] as boolean[])[col] = true;
  }

  drawFunctionPatterns(): void {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [row, col] of [
      [3, 3],
      [3, size - 4],
      [size - 4, 3],
    ] as const) {
      for (let dr = -4; dr <= 4; dr++) {
        for (let dc = -4; dc <= 4; dc++) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || r >= size || c < 0 || c >= size) continue;
          const distance = Math.max(Math.abs(dr), Math.abs(dc));
          this.set(r, c, distance !== 2 && distance !== 4);
        }
      }
    }
    const centres = alignmentCentres[this.version - 1] as number[];
    for (const row of centres) {
      for (const col of centres) {
        const overlapsFinder = (row === 6 && col === 6) || (row === 6 && col === size - 7) || (row === size - 7 && col === 6);
        if (overlapsFinder) continue;
        for (let dr = -2; dr <= 2; dr++)
          for (let dc = -2; dc <= 2; dc++) this.set(row + dr, col + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
      }
    }
    // Reserve the format areas now; their bits are written after masking.
    this.drawFormat(0, 0);
    if (this.version >= 7) this.drawVersion();
  }

  drawFormat(levelBits: number, mask: number): void {
    const { size } = this;
    const data = (levelBits << 3) | mask;
    let remainder = data;
    for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
    const bits = ((data << 10) | remainder) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(i, 8, bit(i));
    this.set(7, 8, bit(6));
    this.set(8, 8, bit(7));
    this.set(8, 7, bit(8));
    for (let i = 9; i < 15; i++) this.set(8, 14 - i, bit(i));
    for (let i = 0; i < 8; i++) this.set(8, size - 1 - i, bit(i));
    for (let i = 8; i < 15; i++) this.set(size - 15 + i, 8, bit(i));
    this.set(size - 8, 8, true);
  }

  drawVersion(): void {
    let remainder = this.version;
    for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
    const bits = (this.version << 12) | remainder;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = this.size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      this.set(b, a, dark);
      this.set(a, b, dark);
    }
  }

  /** Places the codewords in the two-column zigzag, right to left, skipping function modules. */
  drawCodewords(codewords: readonly number[]): void {
    const { size } = this;
    let index = 0;
    const totalBits = codewords.length * 8;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let step = 0; step < size; step++) {
        for (let j = 0; j < 2; j++) {
          const col = right - j;
          const upward = ((right + 1) & 2) === 0;
          const row = upward ? size - 1 - step : step;
          if ((this.reserved[row] as boolean[])[col]) continue;
          if (index < totalBits) {
            (this.dark[row] as boolean[])[col] = (((codewords[index >>> 3] as number) >>> (7 - (index & 7))) & 1) === 1;
            index++;
          }
        }
      }
    }
  }

  applyMask(mask: number): void {
    const condition = maskConditions[mask] as (row: number, col: number) => boolean;
    for (let row = 0; row < this.size; row++) {
      for (let col = 0; col < this.size; col++) {
        if (!(this.reserved[row] as boolean[])[col] && condition(row, col)) {
          (this.dark[row] as boolean[])[col] = !(this.dark[row] as boolean[])[col];
        }
      }
    }
  }

  /** The standard's penalty score: lower reads more reliably. */
  penalty(): number {
    const { size, dark } = this;
    const at = (r: number, c: number) => (dark[r] as boolean[])[c] as boolean;
    let score = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < size; i++) {
        let run = 1;
        const line: boolean[] = [];
        for (let j = 0; j < size; j++) line.push(pass === 0 ? at(i, j) : at(j, i));
        for (let j = 1; j <= size; j++) {
          if (j < size && line[j] === line[j - 1]) {
            run++;
          } else {
            if (run >= 5) score += run - 2;
            run = 1;
          }
        }
        const pattern = line.map((d) => (d ? '1' : '0')).join('');
        for (const finderLike of ['10111010000', '00001011101']) {
          for (let k = pattern.indexOf(finderLike); k !== -1; k = pattern.indexOf(finderLike, k + 1)) score += 40;
        }
      }
    }
    for (let r = 0; r < size - 1; r++) {
      for (let c = 0; c < size - 1; c++) {
        const value = at(r, c);
        if (value === at(r, c + 1) && value === at(r + 1, c) && value === at(r + 1, c + 1)) score += 3;
      }
    }
    const darkCount = dark.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
    score += Math.floor(Math.abs((darkCount * 100) / (size * size) - 50) / 5) * 10;
    return score;
  }
}

/** Encodes text as a QR code matrix (true = dark module), or null when it does not fit version 10. */
export function encodeQr(text: string): boolean[][] | null {
  const bytes = new TextEncoder().encode(text);
  for (const level of ['M', 'L'] as const) {
    for (let version = 1; version <= 10; version++) {
      const layout = layouts[level][version - 1] as BlockLayout;
      const capacity = layout.blocks.reduce((sum, size) => sum + size, 0);
      const data = encodeData(bytes, version, capacity);
      if (!data) continue;
      const codewords = interleave(data, layout);
      let best: QrSymbol | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (let mask = 0; mask < 8; mask++) {
        const symbol = new QrSymbol(version);
        symbol.drawFunctionPatterns();
        symbol.drawCodewords(codewords);
        symbol.applyMask(mask);
        symbol.drawFormat(formatLevelBits[level], mask);
        const score = symbol.penalty();
        if (score < bestScore) {
          best = symbol;
          bestScore = score;
        }
      }
      return best?.dark ?? null;
    }
  }
  return null;
}
