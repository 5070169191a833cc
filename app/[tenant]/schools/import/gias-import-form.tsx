'use client';

import { useMutation } from '@tanstack/react-query';
import { Link } from '~/app/_components/link';
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '~/app/_components/data-table';
import {
  Button,
  FieldShell,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  type SummaryError,
} from '~/app/_components/form-kit';
import { giasUploadBody, type TGiasImportOptions } from '~/server/schools/import-gias/gias-upload';
import type { GiasImportResult as SchoolsResult } from '~/server/schools/import-gias/import-gias-schools';
import { parseUrnList } from '~/server/schools/import-gias/parse-urn-list';
import { inLocalAuthorities } from '~/server/schools/local-authority-words';
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
const count = (n: number) => n.toLocaleString('en-GB');
const schoolsWord = (n: number) => `${count(n)} school${n === 1 ? '' : 's'}`;

function filterText(filter: GiasImportResult['filter']) {
  return filter.kind === 'urns'
    ? `the ${count(filter.count)} URN${filter.count === 1 ? '' : 's'} you listed`
    : `schools in ${inLocalAuthorities(filter.laCodes)}`;
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
    <DataTable
      className="mt-4 max-w-xl"
      caption="Summary of the check"
      rows={rows}
      rowKey={([label]) => label}
      columns={[
        { header: <span className="sr-only">What</span>, rowHeader: true, cell: ([label]) => label },
        {
          header: <span className="sr-only">How many</span>,
          align: 'right',
          className: 'font-semibold tabular-nums',
          cell: ([, value]) => count(value),
        },
      ]}
    />
  );
}

function ProblemsTable({ result }: { result: GiasImportResult }) {
  return (
    <>
      <DataTable
        className="mt-6"
        caption={`Problems to fix in the file (${count(result.errorCount)})`}
        rows={result.errors}
        rowKey={(e) => `${e.row}:${e.field}`}
        columns={[
          { header: 'Row', className: 'tabular-nums', cell: (e) => count(e.row) },
          { header: 'URN', cell: (e) => e.urn || '–' },
          { header: 'Column', cell: (e) => e.field },
          { header: 'Problem', cell: (e) => e.message },
        ]}
      />
      {result.errorCount > result.errors.length && (
        <p className="mt-2">
          Showing the first {count(result.errors.length)} of {count(result.errorCount)} problems.
        </p>
      )}
    </>
  );
}

/** The schools the import will add or change (the first ones; the rest counted), before the manager confirms. */
function ChangesTable({ result }: { result: GiasImportResult }) {
  const total = result.newSchools + result.updatedSchools;
  const rest = total - result.changes.length;
  return (
    <>
      <DataTable
        className="mt-6"
        caption={`Schools the import adds or changes (${count(total)})`}
        rows={result.changes}
        rowKey={(c) => String(c.urn)}
        columns={[
          { header: 'URN', className: 'tabular-nums', cell: (c) => c.urn },
          {
            header: 'School',
            rowHeader: true,
            cell: (c) => (c.wasNamed ? `${c.name} (was ${c.wasNamed})` : c.name),
          },
          {
            header: 'Change',
            cell: (c) =>
              c.kind === 'new'
                ? c.closed
                  ? 'New school, closed in GIAS (added as closed)'
                  : 'New school'
                : `Updated: ${c.fields.join(', ')}`,
          },
        ]}
      />
      {rest > 0 && (
        <p className="mt-2" data-testid="changes-rest">
          Showing the first {count(result.changes.length)};{' '}
          {rest === 1 ? 'one more school' : `${count(rest)} more schools`} will also be added or changed.
        </p>
      )}
    </>
  );
}

/** Choose a GIAS file, check it (a preview that writes nothing), then import it: all or nothing. */
export function GiasImportForm({ tenant, laCodes }: { tenant: string; laCodes: readonly string[] }) {
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

  function onCheck() {
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
      <Form form={{ summary }} onSubmit={onCheck} className="space-y-6">
        <FieldShell
          id="gias-file"
          label={<span className="text-lg">GIAS establishment fields file</span>}
          hint="On Get Information about Schools, download “Establishment fields” as CSV. Choose the edubasealldata…csv file from inside the zip."
          error={fieldErrors.file}
        >
          {(aria) => (
            <input
              id="gias-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                changed();
              }}
              className="mt-2 block"
              {...aria}
            />
          )}
        </FieldShell>
        <TextArea
          id="urns"
          label={<span className="text-lg">URNs to import{laCodes.length > 0 ? ' (optional)' : ''}</span>}
          hint={
            laCodes.length > 0
              ? `Leave empty to import every school in ${inLocalAuthorities(laCodes)}. To import particular schools instead (in any local authority), paste their URNs, one per line or separated by commas.`
              : 'This workspace has no local authority of its own: paste the URNs of the schools to import, one per line or separated by commas.'
          }
          error={fieldErrors.urns}
          rows={4}
          value={urnText}
          onChange={(text) => {
            setUrnText(text);
            changed();
          }}
          width="w-full max-w-md font-mono"
        />
        <SelectField
          id="encoding"
          label="Text encoding"
          hint="GIAS files are Windows-1252. Detection also reads a file saved again as UTF-8."
          value={encoding}
          onChange={(value) => {
            setEncoding(value as Encoding);
            changed();
          }}
          options={[
            { value: 'auto', label: 'Detect (recommended)' },
            { value: 'windows-1252', label: 'Windows-1252' },
            { value: 'utf-8', label: 'UTF-8' },
          ]}
        />
        <SubmitButton pending={preview.isPending} pendingLabel="Checking…">
          Check file
        </SubmitButton>
      </Form>

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
          ) : result.rowsMatching === 0 ? (
            <p className="mt-4 font-semibold">
              {result.filter.kind === 'urns'
                ? 'None of the URNs you listed is in the file.'
                : `No school in the file is in ${inLocalAuthorities(result.filter.laCodes)}. Check that the file is the right download, or list the URNs of the schools to import.`}
            </p>
          ) : toImport === 0 ? (
            <p className="mt-4 font-semibold">Every school you import is already up to date.</p>
          ) : (
            <>
              <ChangesTable result={result} />
              <Button variant="primary" onClick={onImport} disabled={commit.isPending} className="mt-6">
                {commit.isPending ? 'Importing…' : `Import ${schoolsWord(toImport)}`}
              </Button>
            </>
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
