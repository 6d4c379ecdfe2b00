import { InvalidInputError } from '@civicgrid/platform';

/** A reason or note someone must give: trimmed, not empty, at most `max` characters. */
export function requiredText(input: string | null | undefined, field: string, max: number): string {
  const text = (input ?? '').normalize('NFC').trim();
  if (!text) throw new InvalidInputError(field, 'validation.required', `${field} is required`);
  if ([...text].length > max) throw new InvalidInputError(field, 'validation.maxLength', `${field} must be at most ${max} characters`);
  return text;
}
