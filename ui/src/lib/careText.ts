// The not-a-diagnosis line is said once per screen, by CareNotice. Advice from the core that
// opens with its own "… is not a diagnosis." keeps only what it adds (when to see someone).

const NOT_A_DIAGNOSIS = /^\s*This [a-z ]+ is not a diagnosis\.\s*/i;

/** `text` without a leading "This … is not a diagnosis." sentence; unchanged if it has none. */
export function withoutDisclaimer(text: string): string {
  const rest = text.replace(NOT_A_DIAGNOSIS, '');
  return rest === '' ? text : rest;
}
