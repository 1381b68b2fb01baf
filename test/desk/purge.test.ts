import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskClient, formValues, startDeskHost, type DeskHost } from '../helpers/desk-host.ts';

describe('the purge from the desk', { timeout: 60_000 }, () => {
  let desk: DeskHost;
  beforeAll(async () => {
    desk = await startDeskHost();
    await desk.register('jsonl:p1', formValues({ firstName: 'Wout', lastName: 'Verhaegen', email: 'wout@example.org' }));
  });
  afterAll(() => desk?.close());

  it('shows what goes first, needs the typed word, then purges once and audits it', async () => {
    const client = new DeskClient(desk.url);
    expect(await client.login()).toBe(303);
    const preview = await client.get('/organiser/purge');
    expect(preview.text).toMatch(/data-purge="registrations">1 inschrijvingen/);
    expect((await client.post('/organiser/purge', { confirm: 'ja' })).status).toBe(400);
    expect((await desk.stores.ledger.snapshot()).registrations[0]?.lastName).toBe('Verhaegen');
    const done = await client.post('/organiser/purge', { confirm: 'WISSEN' });
    expect(done.text).toContain('data-purged');
    const after = await desk.stores.ledger.snapshot();
    expect(after.registrations).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain('Verhaegen');
    expect((await client.get('/organiser/purge')).text).toContain('De persoonsgegevens werden gewist op');
    expect((await client.get('/organiser/api/overview')).status).toBe(200);
    expect((await desk.stores.audit.recent(5)).find((e) => e.action === 'purge')?.detail).toMatch(/^1 inschrijvingen/);
  });
});
