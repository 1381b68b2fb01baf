/**
 * Polls `condition` until it holds or `timeoutMs` passes: a bounded wait for another process or
 * server to get somewhere, never a sleep standing in for synchronisation. A throwing condition
 * counts as not yet.
 */
export async function eventually(condition: () => Promise<boolean>, timeoutMs = 5_000, intervalMs = 20): Promise<boolean> {
  const holds = () => condition().catch(() => false);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await holds()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return holds();
}
