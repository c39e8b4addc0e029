/** The API token (`server.auth_token`), kept in localStorage once the user enters it. */

const KEY = "lodestar.token";
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return localStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
  listeners.forEach((notify) => notify());
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Called whenever the token changes, or when the server asks for one (401). */
export function onTokenChange(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

let tokenRequested = false;
const requestListeners = new Set<(requested: boolean) => void>();

export function setTokenRequested(requested: boolean): void {
  tokenRequested = requested;
  requestListeners.forEach((notify) => notify(requested));
}

export function isTokenRequested(): boolean {
  return tokenRequested;
}

export function onTokenRequested(notify: (requested: boolean) => void): () => void {
  requestListeners.add(notify);
  return () => requestListeners.delete(notify);
}
