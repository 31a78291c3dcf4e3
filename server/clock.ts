// One clock for everything that stamps rows, so tests can freeze time (TAPAT_FROZEN_CLOCK=ISO or setClock()).
let frozen: string | null = process.env.TAPAT_FROZEN_CLOCK ?? null;

export function nowIso(): string {
  return frozen ?? new Date().toISOString();
}

export function setClock(iso: string | null): void {
  frozen = iso;
}
