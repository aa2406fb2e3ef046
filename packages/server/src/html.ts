/** HTML by tagged template: every interpolated value is escaped unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, string, i) => out + string + (i < values.length ? render(values[i]) : ''), ''));
}

/**
 * Data for a page's scripts, as `<script type="application/json">`: allowed by a
 * strict CSP (it never runs), and escaped so no value can close the element.
 */
export function jsonScript(id: string, data: unknown, attributes = ''): Html {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return new Html(`<script type="application/json" id="${escapeHtml(id)}"${attributes ? ` ${attributes}` : ''}>${json}</script>`);
}
