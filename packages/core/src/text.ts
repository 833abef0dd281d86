/** Checks on user text that ends up inside Redis keys. */

/** True when the text holds a C0/C1 control character. */
export function hasControl(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}

/**
 * True for a string with an unpaired UTF-16 surrogate. Redis clients send UTF-8, where it
 * becomes U+FFFD: the value would read back changed, and a name would no longer match its
 * own keys (`delete` and `properties` would not find them).
 */
export function hasLoneSurrogate(value: unknown): boolean {
  // The first test is cheap and almost always false; the second tells pairs from lone ones.
  return typeof value === 'string' && /[\uD800-\uDFFF]/.test(value) && /\p{Cs}/u.test(value);
}
