#!/usr/bin/env node
// Validates electron-builder.yml offline against the JSON schema that app-builder-lib ships, so a
// typo such as `nsis.oneClik` fails CI here instead of being silently ignored when packaging.
// Usage: node scripts/check-electron-builder-config.mjs [path/to/electron-builder.yml]
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// js-yaml ships with electron-builder (a dependency of app-builder-lib); no extra package needed.
const yaml = require('js-yaml');

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../electron-builder.yml', import.meta.url));

let validate;
function compiledSchema() {
  if (!validate) {
    const schema = require('app-builder-lib/scheme.json');
    // The schema is draft-07 and uses a few non-standard keywords; strict mode would reject them.
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    validate = ajv.compile(schema);
  }
  return validate;
}

/** Validates a parsed configuration: `{ valid, errors }` with readable `path: message` lines. */
export function validateBuilderConfig(config) {
  const check = compiledSchema();
  const valid = check(config);
  const errors = (check.errors ?? []).map((error) => {
    const where = error.instancePath || '(root)';
    const extra = error.params?.additionalProperty ? ` "${error.params.additionalProperty}"` : '';
    return `${where}: ${error.message}${extra}`;
  });
  return { valid: Boolean(valid), errors: valid ? [] : [...new Set(errors)] };
}

export function loadBuilderConfig(path = DEFAULT_CONFIG_PATH) {
  return yaml.load(readFileSync(path, 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2] ?? DEFAULT_CONFIG_PATH;
  const { valid, errors } = validateBuilderConfig(loadBuilderConfig(path));
  if (valid) {
    console.log(`${path} matches electron-builder's schema.`);
  } else {
    console.error(`${path} does not match electron-builder's schema:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}
