import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { parseCalendarYear, type CalendarYear } from '../core/calendar/data.js';
import type { NotaryRegistry, PersonRegistry } from '../core/identity/registries.js';
import { parseOffices, type OfficesConfig } from '../core/offices.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { loadFileRegistries, RegistryFileError } from '../registry/file-registry.js';
import { referencePath, SHIPPED_DATA } from './paths.js';

/** The reference data every command needs: calendar, organisations, the identity registries. */
export interface Reference {
  readonly calendar: WorkCalendar;
  readonly offices: OfficesConfig;
  readonly persons: PersonRegistry;
  readonly notary: NotaryRegistry;
}

function readJsonFile(path: string): Result<unknown, DomainError> {
  try {
    return ok(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  } catch (error) {
    return fail(domainError('VALIDATION', { key: 'cli.dataFileUnreadable', params: { path, reason: (error as Error).message } }));
  }
}

/** Calendar years: the shipped files, each replaced by the data directory's file of the same name. */
function loadCalendar(dataDir: string): Result<WorkCalendar, DomainError> {
  const names = new Set<string>();
  for (const dir of [join(SHIPPED_DATA, 'calendar'), join(dataDir, 'calendar')]) {
    if (existsSync(dir)) for (const n of readdirSync(dir)) if (/^\d{4}\.json$/.test(n)) names.add(n);
  }
  const years: CalendarYear[] = [];
  for (const name of [...names].sort()) {
    const path = referencePath(dataDir, join('calendar', name));
    const json = readJsonFile(path);
    if (!json.ok) return json;
    const year = parseCalendarYear(json.value);
    if (!year.ok) return fail(withFile(year.error, path));
    years.push(year.value);
  }
  return WorkCalendar.build(years);
}

function withFile(error: DomainError, path: string): DomainError {
  return { ...error, message: { key: 'cli.dataFileInvalid', params: { path } }, detail: error.message };
}

export function loadReference(dataDir: string): Result<Reference, DomainError> {
  const calendar = loadCalendar(dataDir);
  if (!calendar.ok) return calendar;
  const officesPath = referencePath(dataDir, 'offices.json');
  const officesJson = readJsonFile(officesPath);
  if (!officesJson.ok) return officesJson;
  const offices = parseOffices(officesJson.value);
  if (!offices.ok) return fail(withFile(offices.error, officesPath));
  try {
    const registries = loadFileRegistries({
      persons: referencePath(dataDir, join('registry', 'persons.json')),
      powersOfAttorney: referencePath(dataDir, join('registry', 'powers-of-attorney.json')),
    });
    return ok({ calendar: calendar.value, offices: offices.value, persons: registries.persons, notary: registries.notary });
  } catch (error) {
    if (error instanceof RegistryFileError) {
      return fail(domainError('VALIDATION', { key: 'cli.dataFileUnreadable', params: { path: error.file, reason: error.message } }));
    }
    throw error;
  }
}
