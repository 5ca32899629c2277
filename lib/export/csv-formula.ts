/**
 * Formula injection in CSV, both ways. A spreadsheet runs a cell that starts with =, +, - or @ (and,
 * in some, tab or CR) as a formula, so the exports write such a text with a leading apostrophe,
 * which Excel and LibreOffice hide and which keeps the text as text (OWASP's advice). The spreadsheet
 * import takes that apostrophe off again, so a file exported here and imported back gives the same
 * text: `unguardFormula(guardFormula(t)) === t` for every t.
 *
 * For that to hold, a text that already starts with apostrophes before a formula character
 * ("'=x") is guarded too ("''=x"): the import removes exactly one apostrophe, and only there.
 */

/** Apostrophes, then what a spreadsheet would run. */
const RUNS = /^'*[=+@\t\r]/;
/** "-" before anything but a plain number ("-12", "-0.5"): "-2+3" is a formula, "-12" a number that must stay one. */
const RUNS_MINUS = /^'*-/;
const PLAIN_NEGATIVE = /^-\d+(\.\d+)?$/;

export function guardFormula(text: string): string {
  if (RUNS.test(text) || (RUNS_MINUS.test(text) && !PLAIN_NEGATIVE.test(text))) return `'${text}`;
  return text;
}

/** Exactly one apostrophe that `guardFormula` would have added comes off; any other text is kept. */
export function unguardFormula(cell: string): string {
  return /^'+[=+@\t\r-]/.test(cell) ? cell.slice(1) : cell;
}
