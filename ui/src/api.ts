/** The UI's only way to the control plane: POSTs to /graphql with typed documents. */

import { useCallback, useEffect, useRef, useState } from "react";
import { authHeaders, onTokenChange, setTokenRequested } from "./auth";
import type { TypedDocumentString } from "./gql/graphql";

export const GRAPHQL_PATH = "/graphql";

/** Why a request failed, worded for the person looking at the page. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: "unreachable" | "http" | "graphql" | "auth",
  ) {
    super(message);
  }
}

export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables?: V,
): Promise<R> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeaders() },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError(
      `Cannot reach the control plane at ${window.location.origin}. Is \`lodestar up\` running?`,
      "unreachable",
    );
  }
  if (response.status === 401) {
    setTokenRequested(true);
    throw new ApiError("The control plane asks for an API token.", "auth");
  }
  let body: { data?: R; errors?: { message: string; path?: string[] }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The control plane answered HTTP ${response.status}.`, "http");
  }
  if (body.errors?.length) {
    const text = body.errors.map((e) => e.message).join("; ");
    throw new ApiError(`GraphQL error: ${text}`, "graphql");
  }
  if (!response.ok || body.data === undefined) {
    throw new ApiError(`The control plane answered HTTP ${response.status}.`, "http");
  }
  setTokenRequested(false);
  return body.data;
}

const prefetched = new Map<string, Promise<unknown>>();

function queryKey(document: { toString(): string }, variablesJson: string): string {
  return `${document.toString()}\u0000${variablesJson}`;
}

/** Starts a query before its page's code has loaded: the first `useQuery` of the same
 * document and variables takes this answer instead of asking again. */
export function prefetch<R, V>(document: TypedDocumentString<R, V>, variables: V): void {
  const answer = request(document, variables);
  answer.catch(() => undefined); // the page that takes it reports the error
  prefetched.set(queryKey(document, JSON.stringify(variables)), answer);
}

function takePrefetched<R>(document: { toString(): string }, variablesJson: string): Promise<R> | undefined {
  const key = queryKey(document, variablesJson);
  const answer = prefetched.get(key);
  prefetched.delete(key);
  return answer as Promise<R> | undefined;
}

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  refetch: () => Promise<void>;
}

/** Runs a query on mount and when `variables` change; with `pollMs`, again `pollMs` after
 * each answer (never two at once, so a slow answer is not overtaken), keeping the last data
 * on screen so that live pages update without flashing. */
export function useQuery<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  options: { pollMs?: number; skip?: boolean } = {},
): QueryState<R> {
  const { pollMs, skip } = options;
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: R; error?: ApiError; key?: string }>({});
  const latest = useRef(0);
  const inFlight = useRef(0);
  const refetch = useCallback(async () => {
    const id = ++latest.current;
    inFlight.current++;
    try {
      const data = await (takePrefetched<R>(document, key) ?? request(document, JSON.parse(key) as V));
      if (id === latest.current) setState({ data, key });
    } catch (error) {
      if (id === latest.current) {
        const apiError =
          error instanceof ApiError ? error : new ApiError(String(error), "graphql");
        setState((previous) => ({ ...previous, error: apiError, key }));
      }
    } finally {
      inFlight.current--;
    }
  }, [document, key]);
  useEffect(() => {
    if (skip) return;
    void refetch();
    return onTokenChange(() => void refetch());
  }, [refetch, skip]);
  useEffect(() => {
    if (skip || !pollMs) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      if (inFlight.current === 0) await refetch();
      if (!stopped) timer = window.setTimeout(tick, pollMs);
    };
    timer = window.setTimeout(tick, pollMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [refetch, pollMs, skip]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || (state.data === undefined && state.error === undefined),
    refetch,
  };
}
