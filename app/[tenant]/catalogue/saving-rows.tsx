import { formatPence } from '~/server/catalogue/money';

/** The rows of a quote's list that compare a package with buying its contents one by one. */
export function SavingRows({ saving }: { saving: { separatelyPence: number; savingPence: number } }) {
  if (saving.separatelyPence <= 0) return null;
  return (
    <>
      <dt className="font-semibold">Bought separately</dt>
      <dd>{formatPence(saving.separatelyPence)}</dd>
      {saving.savingPence > 0 && (
        <>
          <dt className="font-semibold">You save</dt>
          <dd>{formatPence(saving.savingPence)}</dd>
        </>
      )}
    </>
  );
}
