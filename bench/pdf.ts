/**
 * bench/pdf: the time and size of one rendered document, per kind, in one process with the fonts
 * already parsed (as in `anyqtama serve`). Each kind is rendered 20 times to warm up, then 200
 * times; the table shows the median and p99 milliseconds per document (wall clock, and CPU time
 * of the process, which other load on the machine inflates less) and the median bytes.
 *
 *   npm run build && npm run bench:pdf [-- --count 200 --lang kk]
 */
import { parseArgs } from 'node:util';
import { DOCUMENT_LANGS, type DocumentLang } from '../src/documents/model.js';
import { renderPdf } from '../src/documents/render.js';
import { sampleDocuments } from '../src/documents/samples.js';

const WARM_UP = 20;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '200' }, lang: { type: 'string', default: 'kk' } } });
  const count = Number(values.count);
  const lang = DOCUMENT_LANGS.find((l) => l === values.lang);
  if (!Number.isInteger(count) || count < 1 || !lang) throw new Error('usage: bench/pdf [--count N] [--lang kk|ru|both]');
  const started = performance.now();
  await renderPdf(sampleDocuments()[0]!, { lang });
  const firstMs = performance.now() - started;

  console.log(`node ${process.version}, ${count} documents per kind, lang ${lang}; first document (parses the fonts): ${firstMs.toFixed(1)} ms`);
  const columns = ['median ms', 'p99 ms', 'CPU median', 'CPU p99', 'median bytes', 'pages'];
  console.log(['kind'.padEnd(32), ...columns.map((c) => c.padStart(12))].join(' '));
  for (const model of sampleDocuments()) {
    const row = await measure(model, lang, count);
    const cells = [row.median, row.p99, row.cpuMedian, row.cpuP99].map((ms) => ms.toFixed(2));
    console.log([model.kind.padEnd(32), ...[...cells, String(row.bytes), String(row.pages)].map((c) => c.padStart(12))].join(' '));
  }
}

async function measure(model: ReturnType<typeof sampleDocuments>[number], lang: DocumentLang, count: number) {
  for (let i = 0; i < WARM_UP; i++) await renderPdf(model, { lang });
  const times: number[] = [];
  const cpu: number[] = [];
  const sizes: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = await renderPdf(model, { lang });
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    sizes.push(last.length);
  }
  for (const list of [times, cpu, sizes]) list.sort((a, b) => a - b);
  const pages = (last.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return {
    median: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    cpuMedian: quantile(cpu, 0.5),
    cpuP99: quantile(cpu, 0.99),
    bytes: quantile(sizes, 0.5),
    pages,
  };
}

await main();
