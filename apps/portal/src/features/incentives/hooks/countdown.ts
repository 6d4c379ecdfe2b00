import { useEffect, useState } from 'react';

/** Seconds left until `until`, ticking each second; 0 once passed. */
export function useSecondsLeft(until: string | null | undefined): number {
  const left = () => (until ? Math.max(0, Math.floor((new Date(until).getTime() - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!until) return;
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);
  return seconds;
}

/** 125 → "2:05". */
export function minutesSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
