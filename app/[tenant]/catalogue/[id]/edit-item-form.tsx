'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';

type Item = {
  id: string;
  name: string;
  description: string;
  memberPricePence: number;
  nonMemberPricePence: number;
  active: boolean;
};

const input = 'mt-1 block rounded border-2 border-slate-600 px-3 py-2';

/** The manager's edit: name, description, the two prices and whether it is on sale. */
export function EditItemForm({ item }: { item: Item }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(item.name);
  const [description, setDescription] = useState(item.description);
  const [memberPrice, setMemberPrice] = useState((item.memberPricePence / 100).toFixed(2));
  const [nonMemberPrice, setNonMemberPrice] = useState((item.nonMemberPricePence / 100).toFixed(2));
  const [active, setActive] = useState(item.active);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.catalogue.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const errors = update.error?.data?.fieldErrors;
  const problem = errors ? Object.values(errors)[0]?.[0] : update.error?.message;
  return (
    <form
      className="mt-8 max-w-2xl rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        update.mutate({
          id: item.id,
          name,
          description,
          memberPrice: Number(memberPrice),
          nonMemberPrice: Number(nonMemberPrice),
          active,
        });
      }}
    >
      <h2 className="text-xl font-semibold">Edit this item</h2>
      <p className="text-sm text-slate-700">Schools already subscribed keep the price they were quoted.</p>
      {problem && (
        <p role="alert" className="mt-2 text-red-800">
          {problem}
        </p>
      )}
      <label htmlFor="edit-name" className="mt-3 block font-semibold">
        Name
      </label>
      <input
        id="edit-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        className={`${input} w-full`}
      />
      <label htmlFor="edit-description" className="mt-3 block font-semibold">
        Description
      </label>
      <textarea
        id="edit-description"
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        className={`${input} w-full`}
      />
      <div className="mt-3 flex flex-wrap gap-4">
        <div>
          <label htmlFor="edit-member" className="block font-semibold">
            Partnership agreement price (£)
          </label>
          <input
            id="edit-member"
            inputMode="decimal"
            value={memberPrice}
            onChange={(e) => setMemberPrice(e.target.value)}
            className={`${input} w-40`}
          />
        </div>
        <div>
          <label htmlFor="edit-nonmember" className="block font-semibold">
            Outside partnership price (£)
          </label>
          <input
            id="edit-nonmember"
            inputMode="decimal"
            value={nonMemberPrice}
            onChange={(e) => setNonMemberPrice(e.target.value)}
            className={`${input} w-40`}
          />
        </div>
      </div>
      <div className="mt-3 flex items-center gap-2">
        <input
          id="edit-active"
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          className="h-5 w-5"
        />
        <label htmlFor="edit-active">On sale to schools</label>
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          Save changes
        </button>
        <p role="status" className="text-green-800">
          {saved ? 'Changes saved.' : ''}
        </p>
      </div>
    </form>
  );
}
