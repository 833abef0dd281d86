import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { table } from './report';
import type { Row } from './report-row';
import { bounds } from './results-file';

/** What a partial run (`BENCH_ONLY`) puts into RESULTS.md. */
export interface PartialResults {
  /** The scenario letters that were run, e.g. `['f']`. */
  readonly letters: readonly string[];
  readonly rows: readonly Row[];
  readonly loadAtStart: string;
  readonly loadAtEnd: string;
}

const letterOf = (line: string) => /^[|-] \((\w)\)/.exec(line)?.[1];

/**
 * Updates RESULTS.md after a run of only some scenarios: their table rows and missed bounds
 * are replaced, every other figure is kept from the full run the file was made by, and a
 * line under the title says which scenarios were re-run, when, and under what load.
 */
export async function updateResults(file: string, partial: PartialResults): Promise<void> {
  const rerun = new Set(partial.letters);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const fresh = table(partial.rows).split('\n').slice(2);
  const missed = bounds(partial.rows).filter((line) => line.startsWith('- ('));
  // An earlier re-run's line goes, with the blank line written before it.
  const rerunLine = (k: number) => lines[k]?.startsWith('Re-run alone:') === true;
  const kept = lines.filter((line, n) => !rerunLine(n) && !(line === '' && rerunLine(n + 1)));
  const out: string[] = [];
  const merge = (olds: string[], news: string[]) =>
    [...olds.filter((line) => !rerun.has(letterOf(line) ?? '')), ...news].sort((a, b) =>
      (letterOf(a) ?? '').localeCompare(letterOf(b) ?? ''),
    );
  // Only the first table (Figures) and the first list (Missed floors and targets) belong to
  // the full run; the sections after them are kept by their own producers.
  const updated = new Set<string>();
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i] as string;
    const block = letterOf(line) ? line[0] : undefined;
    if (block) {
      const run: string[] = [];
      while (i < kept.length && letterOf(kept[i] as string) && (kept[i] as string)[0] === block) {
        run.push(kept[i++] as string);
      }
      i--;
      if (updated.has(block)) out.push(...run);
      else out.push(...merge(run, block === '|' ? fresh : missed));
      updated.add(block);
      continue;
    }
    out.push(line);
    if (line.startsWith('Produced by `pnpm bench`')) {
      const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const which = partial.letters.map((l) => `(${l})`).join(', ');
      // Quiet: the 1-minute load average at the start is below the number of cores.
      const quiet = Number.parseFloat(partial.loadAtStart) < availableParallelism();
      out.push(
        '',
        `Re-run alone: ${which} by \`BENCH_ONLY=${partial.letters.join(',')} pnpm bench\` on ${when} UTC, ${quiet ? 'on a quiet machine' : 'on a machine under load: read its ratios, not its milliseconds'} (load average ${partial.loadAtStart} at the start, ${partial.loadAtEnd} at the end). Every other figure is from the run above.`,
      );
    }
  }
  await writeFile(file, out.join('\n'));
}
