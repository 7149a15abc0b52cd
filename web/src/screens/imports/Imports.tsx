import { useState } from 'react';
import { upload } from '../../api/client';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import { ImportProgress } from './ImportProgress';
import { IMPORT_KINDS, type ImportJob } from './import-job';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Importing a CSV or XLSX file: the file goes up as the raw body (the server streams it), the
 * answer is a job, and its progress is polled until it is done. A dry run checks every row
 * and writes nothing.
 */
export function Imports() {
  const [kind, setKind] = useState<string>(IMPORT_KINDS[0][0]);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const command = useCommand();

  const start = async () => {
    if (!file) return;
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
    const query = new URLSearchParams({
      fileName: file.name,
      ...(dryRun ? { dryRun: 'true' } : {}),
    });
    const job = await command.run(() =>
      upload<ImportJob>(`/imports/${kind}?${query.toString()}`, file, type),
    );
    if (job && typeof job.id === 'number') setStarted(job);
  };

  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">Imports</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label>
          What
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {IMPORT_KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          File (CSV or XLSX)
          <input
            type="file"
            accept=".csv,text/csv,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{' '}
          Dry run (check only)
        </label>
        <button type="submit" className="primary" disabled={!file || command.busy}>
          Import
        </button>
      </form>
      <ProblemBox problem={command.problem} />
      {started && <ImportProgress key={started.id} jobId={started.id} first={started} />}
    </section>
  );
}
