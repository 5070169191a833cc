'use client';

import { useEffect } from 'react';

/** The language of every page; the root layout puts it on `<html>`. */
export const documentLanguage = 'en-GB';

/**
 * When forbidden() or notFound() is thrown while a layout renders, the server-side render of the page fails
 * and Next sends its own bare `<html id="__next_error__">` shell, without our layout's `lang`; the browser
 * then renders the 403/404 page into that shell. This puts the language back, so screen readers pronounce
 * the page correctly (axe: html-has-lang).
 */
export function DocumentLanguage() {
  useEffect(() => {
    if (!document.documentElement.lang) document.documentElement.lang = documentLanguage;
  }, []);
  return null;
}
