/** Where the layout turns into one column (Explorer.module.css says the same). */
export const NARROW = "(max-width: 900px)";
