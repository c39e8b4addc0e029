import { useEffect, useRef, useState } from "react";
import { ApiError, request } from "../api";
import type { LogEvent } from "./Logs";
import { RUN_EVENTS } from "./queries";

const PAGE = 5000;
const FOLLOW_MS = 1000;

/** The run's whole event log, fetched page by page and followed while `live`. */
export function useRunEvents(runId: string, live: boolean, enabled: boolean) {
  const [state, setState] = useState<{ events: LogEvent[]; complete: boolean; error?: string }>({
    events: [],
    complete: false,
  });
  // Survives `live` turning off, so the log is not fetched again when the run ends.
  const loaded = useRef<{ runId: string; cursor: string | null; events: LogEvent[] }>({
    runId,
    cursor: null,
    events: [],
  });
  useEffect(() => {
    if (!enabled) return;
    if (loaded.current.runId !== runId) loaded.current = { runId, cursor: null, events: [] };
    const progress = loaded.current;
    let stopped = false;
    let timer: number | undefined;
    async function next() {
      try {
        const page = (
          await request(RUN_EVENTS, { runId, afterCursor: progress.cursor, limit: PAGE })
        ).runEvents;
        if (stopped) return;
        if (page.__typename !== "RunEventConnection") {
          setState({ events: progress.events, complete: true, error: page.message });
          return;
        }
        progress.cursor = page.cursor ?? progress.cursor;
        if (page.events.length) progress.events = progress.events.concat(page.events);
        setState({ events: progress.events, complete: !page.hasMore && !live });
        if (page.hasMore) void next();
        else if (live) timer = window.setTimeout(() => void next(), FOLLOW_MS);
      } catch (e) {
        if (stopped) return;
        setState({ events: progress.events, complete: false, error: (e as ApiError).message });
        timer = window.setTimeout(() => void next(), FOLLOW_MS * 3);
      }
    }
    void next();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [runId, live, enabled]);
  return state;
}
