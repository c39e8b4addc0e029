import { useEffect, useState } from "react";
import type { LayoutRequest, LayoutResult } from "./model";

let worker: Worker | null = null;
let nextId = 0;

/** The layout of `request`, computed in a Web Worker (undefined until it arrives). */
export function useLayout(request: LayoutRequest | null): LayoutResult | undefined {
  const [result, setResult] = useState<LayoutResult>();
  useEffect(() => {
    if (!request) return;
    worker ??= new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    const id = ++nextId;
    const current = worker;
    const listener = (event: MessageEvent<{ id: number; result: LayoutResult }>) => {
      if (event.data.id === id) setResult(event.data.result);
    };
    current.addEventListener("message", listener);
    current.postMessage({ id, request });
    return () => current.removeEventListener("message", listener);
  }, [request]);
  return result;
}
