import { NavLink, Outlet } from "react-router-dom";
import { TokenPrompt } from "./TokenPrompt";

/** The sections of the app. */
export const SECTIONS = [
  { path: "/locations", label: "Code locations" },
  { path: "/runs", label: "Runs" },
  { path: "/partitions", label: "Partitions" },
  { path: "/backfills", label: "Backfills" },
  { path: "/catalog", label: "Assets" },
  { path: "/schedules", label: "Schedules & sensors" },
  { path: "/instance", label: "Instance" },
];

export function Layout() {
  return (
    <div className="app">
      <header className="top">
        <NavLink to="/" className="brand">
          Lodestar
        </NavLink>
        <nav>
          {SECTIONS.map((s) => (
            <NavLink key={s.path} to={s.path}>
              {s.label}
            </NavLink>
          ))}
          <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <TokenPrompt />
      <main>
        <Outlet />
      </main>
    </div>
  );
}
