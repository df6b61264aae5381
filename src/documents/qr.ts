import QRCode from 'qrcode';

/** A horizontal run of dark modules: row, first column, length (in modules). */
export interface QrRun {
  readonly row: number;
  readonly column: number;
  readonly length: number;
}

export interface QrSymbol {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly runs: readonly QrRun[];
}

/**
 * The QR symbol of `text` as runs of dark modules. Drawing one rectangle per run instead of per
 * module keeps the content stream small (a version-4 code has ~600 dark modules, ~250 runs), and
 * vector rectangles stay sharp at any zoom and cost no image XObject. Level M survives a fold or a
 * smudge on a printed page.
 */
export function qrSymbol(text: string): QrSymbol {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column) !== 0;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/**
 * Draws `symbol` with its top-left corner at (x, y), `module` points per module, without a quiet
 * zone (the page margin around it is wider than the four modules a scanner needs).
 */
export function drawQr(doc: PDFKit.PDFDocument, symbol: QrSymbol, x: number, y: number, module: number): void {
  // In module units every rectangle is a few small integers: about half the bytes of page units.
  doc.save().translate(x, y).scale(module);
  for (const run of symbol.runs) doc.rect(run.column, run.row, run.length, 1);
  doc.fillColor('black').fill();
  doc.restore();
}
