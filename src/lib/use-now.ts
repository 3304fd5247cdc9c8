import { useEffect, useState } from 'react';

/** Re-renders every `intervalMs` so that ages ("updated 3 s ago") keep counting without new data. */
export function useNow(intervalMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
