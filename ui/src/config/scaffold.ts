/** Run config scaffolded from config schemas: defaults filled in, required fields marked.
 *
 * Schemas are the JSON Schema subset the code server sends (`type`, `properties`,
 * `required`, `items`, `anyOf` with null, `default`, `description`). The result is YAML
 * text; a required field without a default is left empty with a `# required` comment, so
 * live validation points at it until the user fills it in. */

export interface ConfigSchema {
  type?: string;
  properties?: Record<string, ConfigSchema>;
  required?: string[];
  items?: ConfigSchema;
  anyOf?: ConfigSchema[];
  default?: unknown;
  description?: string;
}

export interface ScaffoldInput {
  solids: { name: string; configSchema?: unknown; requiredResourceKeys: string[] }[];
  resources: { name: string; configSchema?: unknown }[];
  /** Solid names to scaffold for; null for all. */
  selected: Set<string> | null;
}

export function scaffoldRunConfig({ solids, resources, selected }: ScaffoldInput): string {
  const chosen = solids.filter((s) => selected === null || selected.has(s.name));
  const lines: string[] = [];
  const solidLines = chosen
    .filter((s) => s.configSchema != null)
    .flatMap((s) => [`  ${key(s.name)}:`, ...field("config", s.configSchema as ConfigSchema, true, 2)]);
  if (solidLines.length) lines.push("solids:", ...solidLines);
  const needed = new Set(chosen.flatMap((s) => s.requiredResourceKeys));
  const resourceLines = resources
    .filter((r) => r.configSchema != null && needed.has(r.name))
    .flatMap((r) => [`  ${key(r.name)}:`, ...field("config", r.configSchema as ConfigSchema, true, 2)]);
  if (resourceLines.length) lines.push("resources:", ...resourceLines);
  return lines.length ? lines.join("\n") + "\n" : "{}\n";
}

/** The YAML lines of one field at `depth` (two spaces per level), nested fields included. */
function field(name: string, schema: ConfigSchema, required: boolean, depth: number): string[] {
  const indent = "  ".repeat(depth);
  const label = `${indent}${key(name)}:`;
  if ("default" in schema) return [`${label} ${scalar(schema.default)}${note(schema, false)}`];
  if (schema.type === "object" && schema.properties && Object.keys(schema.properties).length) {
    const requiredKeys = new Set(schema.required ?? []);
    const children = Object.entries(schema.properties).flatMap(([child, childSchema]) =>
      field(child, childSchema, requiredKeys.has(child), depth + 1),
    );
    return [`${label}${note(schema, false)}`, ...children];
  }
  if (!required) return [`${label} ${scalar(emptyValue(schema))}${note(schema, false)}`];
  return [`${label}${note(schema, true)}`];
}

function emptyValue(schema: ConfigSchema): unknown {
  if (schema.anyOf?.some((s) => s.type === "null")) return null;
  if (schema.type === "array") return [];
  if (schema.type === "object") return {};
  return null;
}

function note(schema: ConfigSchema, required: boolean): string {
  const parts = [];
  if (required) parts.push(`required (${typeName(schema)})`);
  if (schema.description) parts.push(schema.description.replace(/\s+/g, " "));
  return parts.length ? `  # ${parts.join(": ")}` : "";
}

export function typeName(schema: ConfigSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeName).join(" | ");
  if (schema.type === "array") return `[${schema.items ? typeName(schema.items) : "any"}]`;
  return schema.type ?? "any";
}

/** JSON is valid YAML flow syntax: scalars, lists and dicts print on one line. */
function scalar(value: unknown): string {
  return value === null || value === undefined ? "null" : JSON.stringify(value);
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : JSON.stringify(name);
}
