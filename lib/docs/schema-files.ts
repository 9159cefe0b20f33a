/** Every JSON Schema under `schemas/`: the editors' (from the configuration schemas) and the review report's. */
import { JSON_SCHEMA_DIRECTORY, jsonSchemaFiles, renderJsonSchema } from '../config/json-schemas';
import { ReviewReportSchema } from '../review/report';

export { JSON_SCHEMA_DIRECTORY };

/** File name (under `schemas/`) to content. */
export function schemaFiles(): Record<string, string> {
  return {
    ...jsonSchemaFiles(),
    'review-report.schema.json': renderJsonSchema(ReviewReportSchema, 'Review report (npm run review -- --format json)', 'output'),
  };
}
