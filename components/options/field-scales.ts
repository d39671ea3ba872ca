import type { FieldScale } from '../../lib/stores/settings-form';
import { FIELDS } from './settings-fields';

/** The numeric fields with their display scale, for the settings store. */
export const NUMBER_FIELDS: FieldScale[] = FIELDS.filter((f) => f.kind === 'number').map((f) => ({
  path: `${f.group}.${f.key}`,
  scale: f.scale ?? 1,
  unit: f.unit,
}));
