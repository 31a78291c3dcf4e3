export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${(await res.json().catch(() => ({ error: res.statusText })) as { error: string }).error}`);
  return (await res.json()) as T;
}
