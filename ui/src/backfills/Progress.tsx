import type { BackfillFieldsFragment } from "../gql/graphql";

type Progress = BackfillFieldsFragment["progress"];

/** The counts a backfill page shows, in the order a partition moves through them. */
export function progressCounts(p: Progress): [string, number][] {
  return [
    ["requested", p.requested],
    ["not yet submitted", p.requested - p.submitted],
    ["queued", p.queued],
    ["in progress", p.inProgress],
    ["succeeded", p.succeeded],
    ["failed", p.failed],
    ["canceled", p.canceled],
    ["skipped", p.skipped],
  ];
}

/** A bar of done/requested, coloured by outcome, with the counts beside it. */
export function ProgressBar({ progress, counts }: { progress: Progress; counts?: boolean }) {
  const total = Math.max(progress.requested, 1);
  const part = (n: number) => `${(100 * n) / total}%`;
  return (
    <div className="progress" data-testid="backfill-progress">
      <div className="pbar" title={`${progress.done} of ${progress.requested} done`}>
        <span className="pbar-success" style={{ width: part(progress.succeeded + progress.skipped) }} />
        <span className="pbar-failure" style={{ width: part(progress.failed) }} />
        <span className="pbar-canceled" style={{ width: part(progress.canceled) }} />
        <span className="pbar-started" style={{ width: part(progress.inProgress) }} />
        <span className="pbar-queued" style={{ width: part(progress.queued) }} />
      </div>
      {counts ? (
        <dl className="bf-counts">
          {progressCounts(progress).map(([label, n]) => (
            <div key={label} data-count={label}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <span className="muted">
          {progress.done} / {progress.requested}
        </span>
      )}
    </div>
  );
}
