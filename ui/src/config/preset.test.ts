import { describe, expect, it } from "vitest";
import { presetFields, sameFields } from "./preset";

const onlySay = {
  name: "only_say",
  runConfig: { solids: { say: { config: { word: "hi" } } } },
  mode: "default",
  solidSelection: ["say", "loud"],
  tags: [
    { key: "owner", value: "preset" },
    { key: "team", value: "data" },
  ],
};

describe("presetFields", () => {
  it("gives the run config as YAML, the mode, the selection and one tag a line", () => {
    expect(presetFields(onlySay)).toEqual({
      yaml: "solids:\n  say:\n    config:\n      word: hi\n",
      mode: "default",
      selection: "say, loud",
      tags: "owner=preset\nteam=data",
    });
  });

  it("leaves the selection empty when the preset runs every solid", () => {
    expect(presetFields({ ...onlySay, solidSelection: null, tags: [] })).toMatchObject({ selection: "", tags: "" });
  });
});

describe("sameFields", () => {
  it("holds until any field is edited", () => {
    const filled = presetFields(onlySay);
    expect(sameFields({ ...filled }, filled)).toBe(true);
    expect(sameFields({ ...filled, yaml: filled.yaml + "# note\n" }, filled)).toBe(false);
    expect(sameFields({ ...filled, mode: "test" }, filled)).toBe(false);
    expect(sameFields({ ...filled, selection: "" }, filled)).toBe(false);
    expect(sameFields({ ...filled, tags: "owner=me" }, filled)).toBe(false);
  });
});
