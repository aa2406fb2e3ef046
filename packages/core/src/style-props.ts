import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type StyleProps = Record<string, string | number | null | undefined>;

/**
 * Sets CSS properties on an element through the CSSOM, first render included:
 * `<span ${styleProps({ '--_fill': '40%' })}>`. Lit's `styleMap` writes a `style`
 * attribute on first render, which a strict Content-Security-Policy
 * (`style-src` without 'unsafe-inline') blocks; CSSOM writes are always allowed.
 * Names are CSS names (`inline-size`, `--_x`).
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes in an element position: <span ${styleProps({…})}>');
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (props[name] == null) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) if (value != null) style.setProperty(name, String(value));
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
