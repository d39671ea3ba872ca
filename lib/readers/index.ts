/**
 * Page readers: the only import surface for callers (content script, options page, CLI).
 *
 * - {@link readPage}: pick the reader for a page and read it (pure, never throws).
 * - {@link startLiveReading}: keep reading a live page as it changes.
 * - {@link readCsv}: CSV downloads and exports (Cboe quotedata, thinkorswim desktop, Fidelity ATP,
 *   VIX settlements, generic chains).
 * - {@link readImportFile}: any file a user hands us (HTML, CSV, broker/quote JSON), by its content.
 * - {@link readPageWorldMessage}: data the page-world script posted (Cboe JSON, Barchart grid).
 */
export { readCsv } from './csv';
export { type ImportFileOptions, readImportFile } from './import-file';
export { type LiveHandle, type LiveOptions, OVERLAY_ATTRIBUTE, startLiveReading } from './live';
export { type MergeMemory, mergeChain } from './merge';
export { PAGE_WORLD_SOURCE, readPageWorldMessage } from './page-world/receive';
export { readerById, readPage } from './read-page';
export { READERS } from './registry';
export type { ChainReader, ReadResult } from './types';
