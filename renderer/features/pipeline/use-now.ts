import { useEffect, useState } from 'react';

/** The current time (UTC ISO), refreshed every `everyMs`: enough for "days rotting" on the cards. */
export function useNow(everyMs: number): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
