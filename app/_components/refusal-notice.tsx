import { Link } from '~/app/_components/link';
import type { Refusal } from '~/server/workspaces/refusal';

/** A page the server refused, in its words: what was refused, why, and the way on (or back). */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{refusal.heading}</h1>
      {refusal.paragraphs.map((p) => (
        <p key={p} className="mt-3 text-lg">
          {p}
        </p>
      ))}
      <p className="mt-6">
        <Link href={refusal.link.href} className="font-semibold text-brand-dark underline">
          {refusal.link.text}
        </Link>
      </p>
    </div>
  );
}
