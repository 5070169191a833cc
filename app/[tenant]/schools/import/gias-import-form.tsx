'use client';

import { ErrorSummary, FieldError, type SummaryError } from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { giasUploadBody, type TGiasImportOptions } from '~/server/schools/import-gias/gias-upload';
import type { GiasImportResult as SchoolsResult } from '~/server/schools/import-gias/import-gias-schools';
import { parseUrnList } from '~/server/schools/import-gias/parse-urn-list';
import { useTRPC } from '../../../_lib/trpc-client';

type Encoding = TGiasImportOptions['encoding'];
/** The schools' result, and (in an LA with the statutory module) what the import did to the register. */
type GiasImportResult = SchoolsResult & {
  register?: { joined: number; left: number; rejoined: number } | null;
};
/** The file and options a check was made with: the import sends exactly these again. */
type Checked = { file: File; options: TGiasImportOptions; result: GiasImportResult };

const encodingNames: Record<GiasImportResult['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
};
const inputClass = 'mt-1 block rounded border-2 border-slate-600 bg-white px-3 py-2';
const count = (n: number) => n.toLocaleString('en-GB');
const schoolsWord = (n: number) => `${count(n)} school${n === 1 ? '' : 's'}`;

function filterText(filter: GiasImportResult['filter']) {
  return filter.kind === 'urns'
    ? `the ${count(filter.count)} URN${filter.count === 1 ? '' : 's'} you listed`
    : `schools in local authority ${filter.laCodes.join(', ')}`;
}

function CheckSummary({ result }: { result: GiasImportResult }) {
  const rows: [string, number][] = [
    ['Rows in the file', result.rowsRead],
    ['Rows for the schools you import', result.rowsMatching],
    ['New schools', result.newSchools],
    ['Schools with changes', result.updatedSchools],
    ['Schools already up to date', result.unchanged],
    ['Closed in GIAS (kept and marked closed)', result.closed],
    ['Problems', result.errorCount],
  ];
  return (
    <table className="mt-4 border-collapse bg-white text-left">
      <caption className="text-left font-semibold">Summary of the check</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="border-b border-slate-200">
            <th scope="row" className="p-2 pr-8 font-normal">
              {label}
            </th>
            <td className="p-2 text-right font-semibold tabular-nums">{count(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProblemsTable({ result }: { result: GiasImportResult }) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="text-left text-lg font-semibold">
          Problems to fix in the file ({count(result.errorCount)})
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="p-2">
              Row
            </th>
            <th scope="col" className="p-2">
              URN
            </th>
            <th scope="col" className="p-2">
              Column
            </th>
            <th scope="col" className="p-2">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e) => (
            <tr key={`${e.row}:${e.field}`} className="border-b border-slate-200">
              <td className="p-2 tabular-nums">{count(e.row)}</td>
              <td className="p-2">{e.urn || '–'}</td>
              <td className="p-2">{e.field}</td>
              <td className="p-2">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.errorCount > result.errors.length && (
        <p className="mt-2">
          Showing the first {count(result.errors.length)} of {count(result.errorCount)} problems.
        </p>
      )}
    </div>
  );
}

/** Choose a GIAS file, check it (a preview that writes nothing), then import it: all or nothing. */
export function GiasImportForm({ tenant }: { tenant: string }) {
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [urnText, setUrnText] = useState('');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; urns?: string }>({});
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<GiasImportResult | null>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const preview = useMutation(trpc.schoolImport.preview.mutationOptions());
  const commit = useMutation(trpc.schoolImport.commit.mutationOptions());

  // Take the reader to what the check found.
  useEffect(() => {
    if (checked) checkHeading.current?.focus();
  }, [checked]);

  /** Any change to the choices makes an earlier check stale. */
  function changed() {
    setChecked(null);
    setImported(null);
    preview.reset();
    commit.reset();
  }

  function onCheck(event: FormEvent) {
    event.preventDefault();
    changed();
    const errors: { file?: string; urns?: string } = {};
    if (!file) errors.file = 'Choose the GIAS CSV file to check.';
    else if (!/\.csv$/i.test(file.name)) {
      errors.file =
        'Choose a CSV file (.csv). If you downloaded a zip file, open it and choose the CSV inside.';
    }
    const urns = parseUrnList(urnText);
    if (!urns.ok) errors.urns = urns.message;
    setFieldErrors(errors);
    if (!file || errors.file || !urns.ok) return;
    const options: TGiasImportOptions = { encoding, ...(urns.urns.length > 0 ? { urns: urns.urns } : {}) };
    preview.mutate(giasUploadBody(file, options), {
      onSuccess: (result) => setChecked({ file, options, result }),
    });
  }

  function onImport() {
    if (!checked) return;
    commit.mutate(giasUploadBody(checked.file, checked.options), {
      onSuccess: (result) => {
        if (result.imported) {
          setImported(result);
          setChecked(null);
        } else {
          // The file changed since it was checked: show what is wrong with it now.
          setChecked({ ...checked, result });
        }
      },
    });
  }

  const serverError = preview.error?.message ?? commit.error?.message;
  const summary: SummaryError[] = [
    ...(fieldErrors.file ? [{ message: fieldErrors.file, fieldId: 'gias-file' }] : []),
    ...(fieldErrors.urns ? [{ message: fieldErrors.urns, fieldId: 'urns' }] : []),
    ...(serverError ? [{ message: serverError, fieldId: 'gias-file' }] : []),
  ];
  const result = checked?.result;
  const toImport = result ? result.newSchools + result.updatedSchools : 0;

  return (
    <div className="mt-6">
      <ErrorSummary errors={summary} />
      <form onSubmit={onCheck} noValidate className="space-y-6">
        <div>
          <label htmlFor="gias-file" className="block text-lg font-semibold">
            GIAS establishment fields file
          </label>
          <p id="gias-file-hint" className="text-sm text-slate-700">
            On Get Information about Schools, download “Establishment fields” as CSV. Choose the
            edubasealldata…csv file from inside the zip.
          </p>
          <FieldError id="gias-file" message={fieldErrors.file} />
          <input
            id="gias-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
            aria-describedby={fieldErrors.file ? 'gias-file-hint gias-file-error' : 'gias-file-hint'}
            aria-invalid={fieldErrors.file ? true : undefined}
            className="mt-2 block"
          />
        </div>
        <div>
          <label htmlFor="urns" className="block text-lg font-semibold">
            URNs to import (optional)
          </label>
          <p id="urns-hint" className="text-sm text-slate-700">
            Leave empty to import every school in this workspace’s local authorities. To import particular
            schools instead (in any local authority), paste their URNs, one per line or separated by commas.
          </p>
          <FieldError id="urns" message={fieldErrors.urns} />
          <textarea
            id="urns"
            rows={4}
            value={urnText}
            onChange={(e) => {
              setUrnText(e.target.value);
              changed();
            }}
            aria-describedby={fieldErrors.urns ? 'urns-hint urns-error' : 'urns-hint'}
            aria-invalid={fieldErrors.urns ? true : undefined}
            className={`${inputClass} w-full max-w-md font-mono`}
          />
        </div>
        <div>
          <label htmlFor="encoding" className="block font-semibold">
            Text encoding
          </label>
          <p id="encoding-hint" className="text-sm text-slate-700">
            GIAS files are Windows-1252. Detection also reads a file saved again as UTF-8.
          </p>
          <select
            id="encoding"
            value={encoding}
            onChange={(e) => {
              setEncoding(e.target.value as Encoding);
              changed();
            }}
            aria-describedby="encoding-hint"
            className={inputClass}
          >
            <option value="auto">Detect (recommended)</option>
            <option value="windows-1252">Windows-1252</option>
            <option value="utf-8">UTF-8</option>
          </select>
        </div>
        <button
          type="submit"
          disabled={preview.isPending}
          className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {preview.isPending ? 'Checking…' : 'Check file'}
        </button>
      </form>

      {checked && result && (
        <section aria-labelledby="check-heading" className="mt-10 border-t-2 border-slate-300 pt-6">
          <h2 id="check-heading" ref={checkHeading} tabIndex={-1} className="text-2xl font-bold">
            What the import will do
          </h2>
          <p className="mt-2">
            {checked.file.name}, read as {encodingNames[result.encoding]}, taking {filterText(result.filter)}.
          </p>
          <CheckSummary result={result} />
          {result.urnsNotFoundCount > 0 && (
            <p className="mt-4">
              {count(result.urnsNotFoundCount)} URN{result.urnsNotFoundCount === 1 ? ' is' : 's are'} not in
              the file: {result.urnsNotFound.join(', ')}
              {result.urnsNotFoundCount > result.urnsNotFound.length ? ', …' : ''}.
            </p>
          )}
          {result.errorCount > 0 ? (
            <>
              <ProblemsTable result={result} />
              <p className="mt-4 font-semibold">
                Nothing can be imported while the file has problems. Correct them in the file, then check it
                again.
              </p>
            </>
          ) : toImport === 0 ? (
            <p className="mt-4 font-semibold">Every school in the file is already up to date.</p>
          ) : (
            <button
              type="button"
              onClick={onImport}
              disabled={commit.isPending}
              className="mt-6 rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
            >
              {commit.isPending ? 'Importing…' : `Import ${schoolsWord(toImport)}`}
            </button>
          )}
        </section>
      )}

      <div role="status" className="mt-6">
        {imported && (
          <div className="rounded border-4 border-green-700 bg-white p-4">
            <p className="text-lg font-semibold">
              Imported {schoolsWord(imported.newSchools + imported.updatedSchools)}:{' '}
              {count(imported.newSchools)} new, {count(imported.updatedSchools)} updated.
            </p>
            {imported.register && (
              <p className="mt-2" data-testid="register-result">
                Statutory register: {schoolsWord(imported.register.joined)} joined
                {imported.register.rejoined > 0 ? `, ${count(imported.register.rejoined)} returned` : ''}
                {imported.register.left > 0
                  ? `, ${count(imported.register.left)} closed and left it`
                  : ''}.{' '}
                <Link href={`/${tenant}/register`} className="text-brand-dark underline">
                  View the register
                </Link>
              </p>
            )}
            <p className="mt-2">
              <Link href={`/${tenant}/schools`} className="text-brand-dark underline">
                View the schools
              </Link>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
