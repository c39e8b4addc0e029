import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scaffoldRunConfig } from "./scaffold";

const numbers = {
  name: "numbers",
  requiredResourceKeys: ["db"],
  configSchema: {
    type: "object",
    properties: {
      count: { type: "integer", default: 3 },
      path: { type: "string", description: "Where to read" },
      nested: {
        type: "object",
        properties: { depth: { type: "integer", default: 1 }, tags: { type: "array", items: { type: "string" } } },
        required: ["tags"],
        additionalProperties: false,
      },
      maybe: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
    },
    required: ["path", "nested"],
    additionalProperties: false,
  },
};
const total = { name: "total", requiredResourceKeys: [], configSchema: null };
const db = { name: "db", configSchema: { type: "object", properties: { url: { type: "string", default: "sqlite://" } } } };
const unused = { name: "unused", configSchema: { type: "integer" } };

describe("scaffoldRunConfig", () => {
  it("fills defaults and leaves required fields empty, marked", () => {
    const text = scaffoldRunConfig({ solids: [numbers, total], resources: [db, unused], selected: null });
    expect(text).toContain("count: 3");
    expect(text).toMatch(/path:\s+# required \(string\): Where to read/);
    expect(text).toMatch(/tags:\s+# required \(\[string\]\)/);
    expect(parse(text)).toEqual({
      solids: {
        numbers: { config: { count: 3, path: null, nested: { depth: 1, tags: null }, maybe: null } },
      },
      resources: { db: { config: { url: "sqlite://" } } },
    });
  });

  it("skips solids outside the selection and resources no selected solid needs", () => {
    const text = scaffoldRunConfig({ solids: [numbers, total], resources: [db], selected: new Set(["total"]) });
    expect(parse(text)).toEqual({});
  });

  it("scaffolds a whole-value schema and an optional field without default", () => {
    const text = scaffoldRunConfig({
      solids: [
        { name: "a", requiredResourceKeys: [], configSchema: { type: "integer" } },
        {
          name: "b",
          requiredResourceKeys: [],
          configSchema: { type: "object", properties: { xs: { type: "array", items: { type: "integer" } } }, required: [] },
        },
      ],
      resources: [],
      selected: null,
    });
    expect(text).toMatch(/config:\s+# required \(integer\)/);
    expect(parse(text)).toEqual({ solids: { a: { config: null }, b: { config: { xs: [] } } } });
  });
});
