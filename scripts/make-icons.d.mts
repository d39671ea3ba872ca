/** Types of scripts/make-icons.mjs (imported by tests/docs/icons.test.ts). */
export const ICON_SIZES: number[];
export const ICON_DIR: string;
export function iconPixels(size: number): Buffer;
export function iconPng(size: number): Buffer;
