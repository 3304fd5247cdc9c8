/**
 * The system on screen is remembered in the URL (`?system=hft`), so a reload or a link shared in
 * the incident channel shows the same one. Replaced rather than pushed: switching systems is not
 * navigation the Back button should replay.
 */
const PARAM = 'system';

export function systemInUrl(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM) || null;
}

export function rememberSystemInUrl(systemId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set(PARAM, systemId);
  window.history.replaceState(window.history.state, '', url);
}
