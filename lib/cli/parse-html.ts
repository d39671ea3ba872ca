/**
 * Saved HTML pages parsed into happy-dom Documents for the CLI and the reader tests. Its own
 * module because happy-dom is most of the CLI's bundle (~2.3 MB of the ~3.4 MB): load-snapshot.ts
 * imports this only when a file is HTML, so `alvh plan` on a CSV or JSON never compiles it.
 */
import { Window } from 'happy-dom';

/**
 * Parses HTML into a happy-dom Document. Declarative shadow roots
 * (`<template shadowrootmode="open">`, as a browser attaches while parsing) are attached.
 * Scripts are not run and nothing is fetched.
 */
export function parseHtml(html: string, url: string): { doc: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      // Saved pages link stylesheets/frames we never load: treat them as loaded, quietly.
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  return { doc, close: () => window.happyDOM.close() };
}

/** Attaches `<template shadowrootmode="open">` contents as open shadow roots (innermost first). */
export function attachDeclarativeShadowRoots(doc: Document): void {
  const templates = Array.from(doc.querySelectorAll('template[shadowrootmode="open"]')).reverse();
  for (const t of templates) {
    const host = t.parentElement;
    if (!host || host.shadowRoot) continue;
    const root = host.attachShadow({ mode: 'open' });
    root.append(...Array.from((t as HTMLTemplateElement).content.childNodes));
    t.remove();
  }
}
