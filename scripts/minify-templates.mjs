// Minifies the HTML and CSS inside Lit's html`` and css`` templates of our own
// sources (CDN build only): whitespace and comments in templates are a large
// share of a widget's bytes.
import { minifyHTMLLiterals } from 'minify-html-literals';

const ownSource = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].+\.ts$/;

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!ownSource.test(id)) return null;
      // conservativeCollapse keeps one space where there was whitespace: `html\` <b>x</b>\`` nested in a
      // sentence must keep its leading space, or words run together ("725points").
      const result = minifyHTMLLiterals(code, { fileName: id, minifyOptions: { conservativeCollapse: true } });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
