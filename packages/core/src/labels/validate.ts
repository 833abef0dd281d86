import { describe, InvalidValueError } from '../errors';
import { hasControl, hasLoneSurrogate } from '../text';

/** A name's labels: label name → value. */
export type Labels = Readonly<Record<string, string>>;

/** The longest label name. */
export const LABEL_NAME_MAX = 128;
/** The longest label value. */
export const LABEL_VALUE_MAX = 1_024;
/** The most labels one name may have. */
export const LABELS_MAX = 64;

/** Characters a filter gives a meaning to, or that would make an index key ambiguous. */
const NAME_FORBIDDEN = /[\s=!(),:{}]/;
const VALUE_FORBIDDEN = /[\s(),]/;

/** Checks a label name: 1 to 128 characters, none of whitespace, `= ! ( ) , : { }` or controls. */
export function checkLabelName(label: unknown, where = 'a label name'): string {
  return checkText(label, where, LABEL_NAME_MAX, NAME_FORBIDDEN, "whitespace or '=!(),:{}'");
}

/** Checks a label value: 1 to 1,024 characters, none of whitespace, `( ) ,` or controls. */
export function checkLabelValue(value: unknown, where: string): string {
  return checkText(value, where, LABEL_VALUE_MAX, VALUE_FORBIDDEN, "whitespace or '(),'");
}

function checkText(
  text: unknown,
  where: string,
  max: number,
  forbidden: RegExp,
  says: string,
): string {
  const reason =
    typeof text !== 'string'
      ? 'must be a string'
      : text === ''
        ? 'must not be empty'
        : text.length > max
          ? `must be at most ${max} characters`
          : hasControl(text)
            ? 'must not contain control characters'
            : hasLoneSurrogate(text)
              ? 'must be well-formed Unicode (a lone surrogate)'
              : forbidden.test(text)
                ? `must not contain ${says}`
                : undefined;
  if (reason) throw new InvalidValueError(`${where} ${reason}; got ${describe(text)}`);
  return text as string;
}

/** Checks a labels object (a plain object of at most 64 labels) and returns a copy. */
export function checkLabels(labels: unknown): Record<string, string> {
  if (
    labels === null ||
    typeof labels !== 'object' ||
    Array.isArray(labels) ||
    labels instanceof Map
  ) {
    throw new InvalidValueError(
      `labels must be an object { label: value }; got ${describe(labels)}`,
    );
  }
  const labelNames = Object.keys(labels);
  if (labelNames.length > LABELS_MAX) {
    throw new InvalidValueError(
      `a name may have at most ${LABELS_MAX} labels; got ${labelNames.length}`,
    );
  }
  // fromEntries defines own properties: a "__proto__" label stays a label.
  return Object.fromEntries(
    labelNames.map((label) => [
      checkLabelName(label),
      checkLabelValue(
        (labels as Record<string, unknown>)[label],
        `the value of label ${JSON.stringify(label)}`,
      ),
    ]),
  );
}
