// Text from outside svgchat (a model's words, a server's error, a file's contents) reaches the terminal only
// as text: control characters (escape sequences among them) and bidi overrides are shown as U+FFFD, tabs as a
// space. Newlines stay: some messages have several lines.
const UNPRINTABLE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\t' ? ' ' : '\ufffd'));
}
