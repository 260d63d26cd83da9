/**
 * What a form field's text means once read: a value to write (undefined = remove the key, so the
 * default applies), or a problem to show next to the field; nothing is written then.
 */
export type FieldEdit = { ok: true; value: unknown } | { ok: false; error: string };
