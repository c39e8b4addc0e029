import { describe, expect, it } from "vitest";
import { parseStepKey, timelineRows, type StepStat } from "./grouping";

const step = (stepKey: string, status = "SUCCESS", startTime = 1, endTime = 2): StepStat => ({
  stepKey,
  status,
  attempts: 1,
  startTime,
  endTime,
});

describe("parseStepKey", () => {
  it("reads plain, mapped and nested keys", () => {
    expect(parseStepKey("total")).toEqual({ name: "total", keys: [] });
    expect(parseStepKey("process_file[a_txt]")).toEqual({ name: "process_file", keys: ["a_txt"] });
    expect(parseStepKey("work[a,x]")).toEqual({ name: "work", keys: ["a", "x"] });
  });
});

describe("timelineRows", () => {
  const steps = [
    step("emit"),
    ...Array.from({ length: 8 }, (_, i) => step(`work[k${i}]`, i === 3 ? "FAILURE" : "SUCCESS", 10 + i, 20 + i)),
    step("work[k8]", "IN_PROGRESS", 9, null as unknown as number),
    step("total", "SKIPPED"),
  ];

  it("groups many mapped steps under their template with counts by status", () => {
    const rows = timelineRows(steps, new Set());
    expect(rows.map((r) => (r.kind === "step" ? r.step.stepKey : `group:${r.template}`))).toEqual([
      "emit",
      "group:work",
      "total",
    ]);
    const group = rows[1];
    expect(group.kind).toBe("group");
    if (group.kind !== "group") return;
    expect(group.counts).toEqual({ SUCCESS: 7, FAILURE: 1, IN_PROGRESS: 1 });
    expect(group.steps).toHaveLength(9);
    expect(group.selector).toBe("work[*]");
    expect(group.startTime).toBe(9);
    expect(group.endTime).toBe(27);
  });

  it("lists the steps of an expanded group under it, in order", () => {
    const rows = timelineRows(steps, new Set(["work"]));
    expect(rows).toHaveLength(3 + 9);
    expect(rows[2]).toMatchObject({ kind: "step", nested: true, step: { stepKey: "work[k0]" } });
    expect(rows.at(-1)).toMatchObject({ kind: "step", nested: false, step: { stepKey: "total" } });
  });

  it("keeps a few mapped steps as plain rows, and marks nested mapping in the selector", () => {
    const few = [step("a[x]"), step("a[y]")];
    expect(timelineRows(few, new Set()).every((r) => r.kind === "step")).toBe(true);
    const nested = Array.from({ length: 6 }, (_, i) => step(`work[o${i % 2},i${i}]`));
    const [group] = timelineRows(nested, new Set());
    expect(group).toMatchObject({ kind: "group", template: "work", selector: "work[*,*]" });
  });
});
