// GraphiQL, bundled here so that GET /graphql works offline (no CDN).
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createRoot } from "react-dom/client";
import { authHeaders } from "./auth";

async function fetcher(params: unknown) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders() },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById("graphiql")!).render(<GraphiQL fetcher={fetcher} />);
