import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, matchPath, Navigate, Route, Routes } from "react-router-dom";
import { prefetch } from "./api";
import { Layout } from "./components/Layout";
import { ErrorMessage } from "./components/Status";
import { CodeLocationsPage } from "./pages/CodeLocations";
import { PARTITION_SET } from "./partitions/queries";
import { RunsPage } from "./pages/Runs";
import "./styles.css";

// Heavy pages load on first visit, keeping the initial bundle small.
const PipelinePage = lazy(() => import("./pages/Pipeline"));
const LaunchpadPage = lazy(() => import("./pages/Launchpad"));
const RunPage = lazy(() => import("./pages/Run"));
const PartitionSetsPage = lazy(() => import("./pages/PartitionSets"));
const PartitionSetPage = lazy(() => import("./pages/PartitionSet"));
const BackfillsPage = lazy(() => import("./pages/Backfills"));
const BackfillPage = lazy(() => import("./pages/Backfill"));
const AssetsPage = lazy(() => import("./pages/Assets"));
const AssetPage = lazy(() => import("./pages/Asset"));
const InstigatorsPage = lazy(() => import("./pages/Instigators"));
const InstigatorPage = lazy(() => import("./pages/Instigator"));
const InstancePage = lazy(() => import("./pages/Instance"));

// The partitions tab's matrix is the largest answer: ask for it while the page's code loads.
const partitionSet = matchPath("/partitions/:name", window.location.pathname);
if (partitionSet?.params.name) prefetch(PARTITION_SET, { name: partitionSet.params.name });

function NotFound() {
  return <ErrorMessage title={`No page at ${window.location.pathname}`} />;
}

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/runs" replace />} />
            <Route path="locations" element={<CodeLocationsPage />} />
            <Route path="locations/:location/pipelines/:pipeline" element={<PipelinePage />} />
            <Route
              path="locations/:location/pipelines/:pipeline/launchpad"
              element={<LaunchpadPage />}
            />
            <Route path="runs" element={<RunsPage />} />
            <Route path="runs/:runId" element={<RunPage />} />
            <Route path="partitions" element={<PartitionSetsPage />} />
            <Route path="partitions/:name" element={<PartitionSetPage />} />
            <Route path="backfills" element={<BackfillsPage />} />
            <Route path="backfills/:backfillId" element={<BackfillPage />} />
            <Route path="catalog" element={<AssetsPage />} />
            <Route path="catalog/key/*" element={<AssetPage />} />
            <Route path="schedules" element={<InstigatorsPage />} />
            <Route path="sensors" element={<Navigate to="/schedules" replace />} />
            <Route path="schedules/:name" element={<InstigatorPage kind="schedule" />} />
            <Route path="sensors/:name" element={<InstigatorPage kind="sensor" />} />
            <Route path="instance" element={<InstancePage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
