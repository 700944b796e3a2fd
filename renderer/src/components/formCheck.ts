/**
 * Forms check their input with the API's own schemas before sending, and
 * say what is wrong in the same Chinese sentences the backend would (never the
 * browser's bubbles, which show English on many systems).
 */
import type { z } from 'zod';
import { describeIssues } from '../../../shared/api/issueText';

export type FormCheck<T> = { ok: true; data: T } | { ok: false; message: string; where: string };

export function checkForm<S extends z.ZodType>(schema: S, input: unknown): FormCheck<z.output<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, ...describeIssues(r.error) };
}

/** Puts the cursor in the field a refusal names (inputs carry the API field name as their name). */
export function focusField(form: HTMLFormElement | null, where: string): void {
  const field = form?.elements.namedItem(where.split('.')[0]);
  if (field instanceof HTMLElement) field.focus();
}
