import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * What mounted components offer commands: the board its cards, the pipeline page its undo, an
 * open menu its closing. A command finds the surface by name when it runs; the latest offer of
 * a name wins, and it goes when its component unmounts.
 */
const offers = new Map<string, (() => unknown)[]>();

export function surface<T>(name: string): T | undefined {
  const list = offers.get(name);
  return list?.length ? (list[list.length - 1]!() as T) : undefined;
}

export function offerSurface(name: string, get: () => unknown): () => void {
  const list = offers.get(name) ?? [];
  list.push(get);
  offers.set(name, list);
  return () => {
    const current = offers.get(name) ?? [];
    const at = current.lastIndexOf(get);
    if (at >= 0) current.splice(at, 1);
  };
}

/** Offers `value` (read afresh at each use) under `name` while the component is mounted; null offers nothing. */
export function useCommandSurface<T>(name: string, value: T | null): void {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  const offered = value !== null;
  useEffect(() => {
    if (!offered) return;
    return offerSurface(name, () => latest.current);
  }, [name, offered]);
}
