// Lays out pipeline graphs off the main thread, so large graphs never freeze the page.
import { layout } from "./layout";
import type { LayoutRequest } from "./model";

self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  self.postMessage({ id, result: layout(request) });
};
