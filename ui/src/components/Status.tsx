import type { ReactNode } from "react";
import type { ApiError } from "../api";

/** A status word in its colour (run, step or location status). */
export function StatusTag({ status }: { status: string }) {
  return <span className={`status status-${status.toLowerCase()}`}>{status}</span>;
}

/** A problem the user should see instead of a blank page. */
export function ErrorMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** Loading, an API error, or nothing: the common top of a page's data. */
export function QueryStatus({ error, loading }: { error?: ApiError; loading: boolean }) {
  if (error) return <ErrorMessage title={error.message} />;
  if (loading) return <p className="muted">Loading…</p>;
  return null;
}

/** A typed error result of a query (`PipelineNotFoundError`, `PythonError`, ...). */
export function ResultError({ result }: { result: { __typename?: string; message?: string } }) {
  return <ErrorMessage title={result.message ?? "Unknown error"}>{result.__typename}</ErrorMessage>;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || seconds < 0) return "–";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${Math.round(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function formatTime(epochSeconds: number | null | undefined): string {
  if (epochSeconds == null) return "–";
  return new Date(epochSeconds * 1000).toLocaleString();
}
