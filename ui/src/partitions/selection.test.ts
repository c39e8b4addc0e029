import { describe, expect, it } from "vitest";
import {
  backfillSelection,
  decodeMatrix,
  isFailedOrMissing,
  parseRange,
  parseTags,
  rangeBetween,
  runsToCreate,
} from "./selection";

const DAYS = ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"];

describe("parseRange", () => {
  it("spans a range, both ends included", () => {
    expect(parseRange("2026-01-02...2026-01-04", DAYS)).toEqual(DAYS.slice(1, 4));
    expect(parseRange(" 2026-01-05 ", DAYS)).toEqual(["2026-01-05"]);
  });
  it("says what is wrong", () => {
    expect(parseRange("2026-01-04...2026-01-02", DAYS)).toBe('"2026-01-02" comes before "2026-01-04"');
    expect(parseRange("2026-01-01...2027-01-01", DAYS)).toBe('no partition "2027-01-01"');
    expect(parseRange("", DAYS)).toMatch(/type a partition/);
  });
});

describe("selections", () => {
  it("ranges run either way", () => {
    expect(rangeBetween(DAYS, 3, 1)).toEqual(DAYS.slice(1, 4));
  });
  it("names the selection briefly", () => {
    expect(backfillSelection(DAYS, new Set(DAYS))).toEqual({ all: true });
    expect(backfillSelection(DAYS, new Set(DAYS.slice(1, 3)))).toEqual({
      fromPartition: "2026-01-02",
      toPartition: "2026-01-03",
    });
    expect(backfillSelection(DAYS, new Set([DAYS[0], DAYS[2]]))).toEqual({
      partitions: [DAYS[0], DAYS[2]],
    });
  });
  it("finds failures and gaps, and counts runs from failure", () => {
    const rows = [
      { partition: "a", statuses: ["SUCCESS"], runStatus: "SUCCESS" },
      { partition: "b", statuses: ["FAILURE"], runStatus: "FAILURE" },
      { partition: "c", statuses: ["MISSING"], runStatus: null },
    ];
    expect(rows.filter(isFailedOrMissing).map((r) => r.partition)).toEqual(["b", "c"]);
    const all = new Set(["a", "b", "c"]);
    expect(runsToCreate(rows, all, false)).toBe(3);
    expect(runsToCreate(rows, all, true)).toBe(2);
  });
  it("parses tags", () => {
    expect(parseTags("team=sales, note = x=y")).toEqual([
      { key: "team", value: "sales" },
      { key: "note", value: "x=y" },
    ]);
    expect(parseTags("oops")).toBe('"oops" is not key=value');
  });
});

describe("decodeMatrix", () => {
  it("spells out the compact matrix", () => {
    const rows = decodeMatrix({
      solids: ["a", "b"],
      partitions: ["p1", "p2"],
      cells: "SFMK",
      runIds: ["r1", null],
      runStatuses: "F-",
    });
    expect(rows).toEqual([
      { partition: "p1", statuses: ["SUCCESS", "FAILURE"], runId: "r1", runStatus: "FAILURE" },
      { partition: "p2", statuses: ["MISSING", "SKIPPED"], runId: null, runStatus: null },
    ]);
  });
});
