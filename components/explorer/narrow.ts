/** Where the layout turns into one column (Explorer.module.css says the same). */
export const NARROW = "(max-width: 900px)";
/** A phone: the sticky date bar, the tools in one menu, the story over a pinned graph (Explorer.module.css). */
export const PHONE = "(max-width: 640px)";
