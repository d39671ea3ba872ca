/** Styles of the in-page overlay, scoped to its shadow root (light and dark page themes). */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none;
  font: 600 11px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge { position: absolute; transform: translate(-100%, -50%); white-space: nowrap; padding: 1px 6px;
  border-radius: 9px; color: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.35); }
.badge.outside { transform: translate(0, -50%); }
.short-put, .short-call { background: #c2261d; }
.long-put, .long-call { background: #1f5fbf; }
.be { position: absolute; border-top: 2px dashed #b7791f; }
.be span { position: absolute; left: 4px; top: -9px; background: #b7791f; color: #fff; padding: 0 5px; border-radius: 8px; font-size: 10px; }
.chip { position: fixed; right: 12px; bottom: 12px; max-width: 360px; padding: 5px 10px; border-radius: 14px;
  background: #1b1f24; color: #f0f3f6; box-shadow: 0 2px 6px rgba(0,0,0,.35); pointer-events: auto; }
.chip.failed { background: #8e1b14; }
.chip.quiet { background: #eaeef2; color: #424a53; box-shadow: 0 1px 2px rgba(0,0,0,.2); font-weight: 400; }
.chip.folded { padding: 2px 8px; font: 600 10px/1.3 system-ui, sans-serif; border: 0; cursor: pointer; }
.chip-dismiss { all: unset; display: block; margin-top: 3px; color: #0550ae; text-decoration: underline; cursor: pointer; }
.chip .sub { display: block; font-weight: 400; opacity: .85; }
.chip .notice { color: #fcd34d; font-weight: 600; opacity: 1; }
@media (prefers-color-scheme: dark) { .chip { background: #f0f3f6; color: #1b1f24; } .chip.failed { background: #ffb4ab; } .chip .notice { color: #92400e; } .chip.quiet { background: #32383f; color: #d1d9e0; } .chip-dismiss { color: #9ecbff; } }
`;
