import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';

/** Puts `text` on the clipboard; where the Clipboard API is refused (a sandboxed frame), a selected textarea and `copy`. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/**
 * A stylesheet to take to a shop: shown as code, copied in one click, with a
 * spoken confirmation.
 */
export class SfCopyCss extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.5rem;
      color: CanvasText;
      background: Canvas;
    }
    pre {
      margin: 0;
      padding: 0.75rem;
      max-block-size: 20rem;
      overflow: auto;
      border: 1px solid GrayText;
      border-radius: 4px;
      font-size: 0.8125rem;
    }
    .row {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    button {
      font: inherit;
      padding: 0.375rem 0.875rem;
      border: 1px solid ButtonBorder;
      border-radius: 4px;
      color: ButtonText;
      background: ButtonFace;
      cursor: pointer;
    }
  `;

  /** The CSS to show and copy. */
  @property() code = '';
  /** The copy button's accessible name. */
  @property() label = 'Copy CSS';

  @state() private status = '';

  override render() {
    return html`<div class="row">
        <button type="button" @click=${this.#copy}>${this.label}</button>
        <span role="status">${this.status}</span>
      </div>
      <pre tabindex="0" aria-label="CSS"><code>${this.code}</code></pre>`;
  }

  async #copy(): Promise<void> {
    this.status = (await copyText(this.code)) ? 'Copied to the clipboard.' : 'Could not copy: select the CSS and copy it.';
  }
}

if (!customElements.get('sf-copy-css')) customElements.define('sf-copy-css', SfCopyCss);

declare global {
  interface HTMLElementTagNameMap {
    'sf-copy-css': SfCopyCss;
  }
}
