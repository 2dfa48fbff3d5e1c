// The sandbox checks a request body against the contract's schema of its operation, like YCloud would:
// the first misfit is a 400 naming the field (`components[0].text`), with PARAM_MISSING for a required
// field, PARAM_INVALID_LENGTH for a length and PARAM_INVALID otherwise (CONTRACT §1). Messages are the
// sandbox's stand-in for YCloud's own English text, so they are not translated.
import type { SchemaName } from '../api/contract/index.js';
import { validateAgainst, type SchemaIssue } from '../api/contract/validate.js';
import type { Body } from './check.js';
import { SandboxError } from './http.js';

/** `/components/0/text` → `components[0].text`; a required field adds its own name. */
function target(i: SchemaIssue): string {
  const parts = i.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (i.keyword === 'required') parts.push(String(i.expected));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(body)';
}

function sentence(i: SchemaIssue, where: string): string {
  const e = Array.isArray(i.expected) ? i.expected.join(', ') : String(i.expected);
  switch (i.keyword) {
    case 'required': return `${where} is required`;
    case 'type': return `${where} must be of type ${e}`;
    case 'enum': return `${where} must be one of ${e}`;
    case 'maxLength': return `${where} must be at most ${e} characters`;
    case 'minLength': return `${where} must be at least ${e} characters`;
    case 'maxItems': return `${where} must have at most ${e} entries`;
    case 'minItems': return `${where} must have at least ${e} entries`;
    case 'pattern': return `${where} must match ${e}`;
    default: return `${where} is not valid (${i.keyword} ${e})`;
  }
}

export function checkContractBody(schema: SchemaName, body: Body): void {
  const [first] = validateAgainst(schema, body);
  if (!first) return;
  const where = target(first);
  const code = first.keyword === 'required' ? 'PARAM_MISSING' : first.keyword === 'maxLength' || first.keyword === 'minLength' ? 'PARAM_INVALID_LENGTH' : 'PARAM_INVALID';
  throw new SandboxError(400, code, sentence(first, where), { target: where });
}
