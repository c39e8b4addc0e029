import { useEffect, useState } from "react";
import { getToken, isTokenRequested, onTokenRequested, setToken } from "../auth";

/** Shown when the control plane answers 401: asks for the API token and keeps it. */
export function TokenPrompt() {
  const [requested, setRequested] = useState(isTokenRequested());
  const [value, setValue] = useState("");
  useEffect(() => onTokenRequested(setRequested), []);
  if (!requested) return null;
  return (
    <form
      className="token-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim() || null);
      }}
    >
      <strong>This control plane needs an API token.</strong>
      {getToken() && <span className="error-text"> The stored token was refused.</span>}
      <input
        type="password"
        aria-label="API token"
        placeholder="server.auth_token"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">Use token</button>
    </form>
  );
}
