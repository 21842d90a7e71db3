// The one error the SVG layer throws: input that cannot be used at all (exit 2, SPEC §5).
import { UsageError } from '../errors.js';

export class SvgInputError extends UsageError {
  constructor(message: string, hint = 'give a plain SVG file: no DOCTYPE or entities, not gzipped, under the size cap') {
    super(message, hint, 'invalid_svg');
  }
}
