/**
 * The suite's figures, for docs/SECURITY.md: inputs tried, refused, succeeded, failed, and the
 * worst time and memory with the input that took them; then every failing input on one line.
 */
import { tmpdir } from 'node:os';
import type { HostileInput, Kind } from './corpus/inputs.js';
import { CONCURRENCY } from './run-inputs.js';
import { gib, mib, seconds, type Run } from './verdict.js';

/** One line per failing input: its kind, its name, and each command's problems. */
export function failureLines(runs: readonly Run[]): string[] {
  const byInput = new Map<HostileInput, Run[]>();
  for (const run of runs) if (run.problems.length > 0) byInput.set(run.input, [...(byInput.get(run.input) ?? []), run]);
  return [...byInput].map(([input, failed]) => {
    const problems = failed.map((run) => `${run.command}: ${run.problems.join('; ')}`).join(' | ');
    return `${input.kind} · ${input.name} · ${withoutScratch(problems)}`;
  });
}

/** The corpus's temporary folders, left out of messages that quote a path: the input's name says it. */
const SCRATCH = new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}/airlock-hostile-[^/]+/[^/]+/`, 'gu');
const withoutScratch = (text: string) => text.replace(SCRATCH, '');

export function summary(runs: readonly Run[], wallMs: number, when = new Date()): string {
  const kinds = [...new Set(runs.map((run) => run.input.kind))].sort();
  const rows = kinds.map((kind) =>
    row(
      kind,
      runs.filter((run) => run.input.kind === kind),
    ),
  );
  const failures = failureLines(runs);
  const killed = runs.filter((run) => run.measured.killed);
  return [
    `# airlock hostile-input suite: last run`,
    '',
    `${when.toISOString()}, Node ${process.version}: ${seconds(wallMs)} of wall time for the runs, ${CONCURRENCY} at once; the runs' own times add up to ${seconds(total(runs, 'ms'))} (${seconds(total(killed, 'ms'))} in ${killed.length} runs killed at a bound), their CPU time to ${seconds(total(runs, 'cpuMs'))} (${seconds(total(killed, 'cpuMs'))} in those killed).`,
    '',
    '| kind | inputs | runs | refused (exit 1) | succeeded (exit 0) | failed checks | worst time | worst peak memory |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    row('all', runs),
    '',
    failures.length === 0 ? 'Every run was clean.' : `${failures.length} input(s) failed:`,
    '',
    ...failures.map((line) => `- ${line}`),
    '',
  ].join('\n');
}

function row(kind: Kind | 'all', runs: readonly Run[]): string {
  const inputs = new Set(runs.map((run) => run.input)).size;
  const clean = runs.filter((run) => !run.measured.killed);
  const refused = clean.filter((run) => run.measured.code === 1).length;
  const succeeded = clean.filter((run) => run.measured.code === 0).length;
  const failed = runs.filter((run) => run.problems.length > 0).length;
  const slowest = worst(runs, (run) => run.measured.ms);
  const largest = worst(runs, (run) => run.measured.peakKiB);
  const label = (run: Run | undefined) => (run ? ` (${run.input.name}, ${run.command})` : '');
  return `| ${kind} | ${inputs} | ${runs.length} | ${refused} | ${succeeded} | ${failed} | ${slowest ? seconds(slowest.measured.ms) : '-'}${label(slowest)} | ${largest ? (largest.measured.peakKiB > 1024 * 1024 ? gib(largest.measured.peakKiB) : mib(largest.measured.peakKiB)) : '-'}${label(largest)} |`;
}

const total = (runs: readonly Run[], what: 'ms' | 'cpuMs') => runs.reduce((sum, run) => sum + run.measured[what], 0);

function worst(runs: readonly Run[], by: (run: Run) => number): Run | undefined {
  return runs.reduce<Run | undefined>(
    (most, run) => (most === undefined || by(run) > by(most) ? run : most),
    undefined,
  );
}
