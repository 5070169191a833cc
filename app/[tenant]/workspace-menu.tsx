'use client';

import { usePathname } from 'next/navigation';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The workspace's navigation: a sidebar from md up; below that, behind a menu button so a phone's page starts
 * with its own content. Following a link or pressing Escape closes it.
 */
export function WorkspaceMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  }

  return (
    <aside className="md:w-64 md:shrink-0" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded border-2 border-brand bg-white px-3 py-1.5 font-semibold text-brand-dark md:hidden"
      >
        <span aria-hidden="true" className="text-lg leading-none">
          {open ? '×' : '☰'}
        </span>
        Menu
      </button>
      <div id={id} className={open ? 'mt-3 block' : 'hidden md:block'}>
        {children}
      </div>
    </aside>
  );
}
