import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { MatrixRow } from "./selection";

const ROW_H = 22;
const HEADER_H = 30;
const COL_W = 96;
const LEFT_W = 250; // select box, partition name, newest run's status

interface Props {
  solids: string[];
  rows: MatrixRow[];
  selected: Set<string>;
  open: string | null;
  /** Selection gestures: a row's box pressed (with shift or not), then dragged over others. */
  onPress: (index: number, shift: boolean) => void;
  onDragTo: (index: number) => void;
  onRelease: () => void;
  onOpen: (partition: string) => void;
}

/** solid × partition, one row per partition: virtualized on both axes, so only the cells in
 * view exist (10,000 partitions of a wide pipeline scroll as fast as ten). */
export function Matrix({ solids, rows, selected, open, onPress, onDragTo, onRelease, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const rowsV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_H,
    overscan: 15,
  });
  const colsV = useVirtualizer({
    horizontal: true,
    count: solids.length,
    getScrollElement: () => box.current,
    estimateSize: () => COL_W,
    overscan: 3,
  });
  useEffect(() => {
    window.addEventListener("mouseup", onRelease);
    return () => window.removeEventListener("mouseup", onRelease);
  }, [onRelease]);
  const width = LEFT_W + colsV.getTotalSize();
  const cols = colsV.getVirtualItems();

  return (
    <div className="matrix" ref={box} data-testid="matrix">
      <div className="matrix-header" style={{ width, height: HEADER_H }}>
        <div className="matrix-left matrix-corner" style={{ width: LEFT_W }}>
          Partition · run
        </div>
        {cols.map((c) => (
          <div
            key={c.key}
            className="matrix-solid"
            title={solids[c.index]}
            style={{ left: LEFT_W + c.start, width: COL_W }}
          >
            {solids[c.index]}
          </div>
        ))}
      </div>
      <div style={{ height: rowsV.getTotalSize(), width, position: "relative" }}>
        {rowsV.getVirtualItems().map((r) => {
          const row = rows[r.index];
          const isSelected = selected.has(row.partition);
          return (
            <div
              key={r.key}
              className={`matrix-row${isSelected ? " selected" : ""}${open === row.partition ? " open" : ""}`}
              data-partition={row.partition}
              style={{ top: r.start, height: ROW_H, width }}
              onMouseEnter={() => onDragTo(r.index)}
            >
              <div className="matrix-left" style={{ width: LEFT_W }}>
                <span
                  className="matrix-select"
                  role="checkbox"
                  aria-checked={isSelected}
                  aria-label={`select ${row.partition}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    onPress(r.index, e.shiftKey);
                  }}
                >
                  {isSelected ? "☑" : "☐"}
                </span>
                <button className="link matrix-name" onClick={() => onOpen(row.partition)}>
                  {row.partition}
                </button>
                <span className={`run-dot status-${(row.runStatus ?? "none").toLowerCase()}`} data-run-status={row.runStatus ?? ""}>
                  {row.runStatus ?? "no run"}
                </span>
              </div>
              {cols.map((c) => {
                const status = row.statuses[c.index];
                return (
                  <div
                    key={c.key}
                    className={`cell cell-${status}`}
                    data-solid={solids[c.index]}
                    data-status={status}
                    title={`${solids[c.index]} · ${row.partition}: ${status}`}
                    style={{ left: LEFT_W + c.start, width: COL_W - 2 }}
                    onClick={() => onOpen(row.partition)}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
