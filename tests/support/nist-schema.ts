import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';

// The official schema travels with the repository (standards/, NIST's notice beside it).
const SCHEMA_PATH = path.resolve(process.cwd(), 'standards', 'nist-sp-1500-100-v2', 'NIST_V2_election_results_reporting.json');

/** Every object of the report that has an @id, duplicates included. */
export function identifiedObjects(value: unknown): { id: string; type: string }[] {
  if (Array.isArray(value)) return value.flatMap(identifiedObjects);
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record['@id'] === 'string' ? [{ id: record['@id'], type: String(record['@type']) }] : [];
  return [...own, ...Object.values(record).flatMap(identifiedObjects)];
}

function isCalendarDate(value: string) {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/**
 * The official draft-04 schema, plus what it only annotates: each reference (keyword refTypes)
 * must name an object of the report of one of the listed types.
 */
export function nistValidator() {
  const references: { id: string; types: string[] }[] = [];
  const ajv = new Ajv({ strict: true });
  const collectReference = (types: string[], id: string) => {
    references.push({ id, types });
    return true;
  };
  ajv.addKeyword({ keyword: 'refTypes', type: 'string', schemaType: 'array', errors: false, validate: collectReference });
  // Ajv ships no formats; the schema's own patterns already check the shapes of date-time and time.
  ajv.addFormat('date', isCalendarDate);
  ajv.addFormat('date-time', (value) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('time', (value) => !Number.isNaN(Date.parse(`2000-01-01T${value}`)));
  ajv.addFormat('uri', (value) => URL.canParse(value));
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  return (report: unknown) => {
    references.length = 0;
    const schemaErrors = validate(report) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    const typeOf = new Map(identifiedObjects(report).map(({ id, type }) => [id, type]));
    const danglingReferences = references.filter(({ id, types }) => !types.includes(typeOf.get(id) ?? '')).map(({ id }) => id);
    return { schemaErrors, danglingReferences };
  };
}
