import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { incidentListSchema } from '../../../contract/store-schemas.ts';
import { call } from '../../../store/test-support.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import { OpenIncidents } from './open-incidents.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetWarRoomClient();
});

const incidentsIn = async (store: { api(p: string): string }) =>
  incidentListSchema.parse((await call(store.api('/incidents'))).body).incidents;

describe('declaring an incident', () => {
  test('in one step, with the live state’s venues; the store has it and the board shows it', async () => {
    const store = await startStore();
    renderWarRoom(<OpenIncidents />, store);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your name'), 'dana');
    await screen.findByText('No open incidents.');
    await user.click(screen.getByRole('button', { name: 'Declare incident' }));

    const form = screen.getByRole('form', { name: 'Declare an incident' });
    await user.type(within(form).getByLabelText('Title'), 'Binance feed silent');
    await user.selectOptions(within(form).getByLabelText('Severity scheme'), 'P0-P3');
    await user.selectOptions(within(form).getByLabelText('Severity'), 'P0');
    await user.selectOptions(within(form).getByLabelText('Type'), 'exchange-outage');
    await user.click(await within(form).findByRole('checkbox', { name: 'Binance' }));
    await user.type(within(form).getByLabelText('First note (optional)'), 'no ticks since 14:02');
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }));

    const row = await screen.findByRole('button', { name: /^INC-1 Binance feed silent$/ });
    expect(row).toHaveTextContent('P0 critical');
    expect(row).toHaveTextContent('Investigating');
    expect(row).toHaveTextContent(/next update in (29|30) min/);
    const [stored] = await incidentsIn(store);
    expect(stored).toMatchObject({
      id: 'INC-1',
      title: 'Binance feed silent',
      severityScheme: 'P0-P3',
      severity: 'P0',
      type: 'exchange-outage',
      affectedVenues: ['Binance'],
      declaredBy: 'dana',
    });
    // Opened at once, with its timeline from the store.
    const view = await screen.findByRole('region', { name: 'Incident INC-1' });
    const timeline = within(view).getByRole('region', { name: 'Timeline' });
    expect(await within(timeline).findByText(/no ticks since 14:02/)).toBeInTheDocument();
  });

  test('says in words what is missing, and sends nothing', async () => {
    const store = await startStore();
    renderWarRoom(<OpenIncidents />, store);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Declare incident' }));
    const form = screen.getByRole('form', { name: 'Declare an incident' });
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }));

    expect(
      within(form).getByText('Give the incident a title: what is broken, in a few words.'),
    ).toBeInTheDocument();
    expect(within(form).getByText('Choose a severity.')).toBeInTheDocument();
    expect(within(form).getByText('Choose what kind of incident this is.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');

    await user.type(within(form).getByLabelText('Title'), 'x'.repeat(201));
    await user.click(within(form).getByRole('button', { name: 'Declare incident' }));
    expect(within(form).getByText('Keep the title to 200 characters; this one has 201.')).toBeInTheDocument();
    expect(screen.queryByText(/unsynced/)).not.toBeInTheDocument();
    expect(await incidentsIn(store)).toEqual([]);
  });

  test('an incident declared on another dashboard shows here within a second', async () => {
    const store = await startStore();
    renderWarRoom(<OpenIncidents />, store);
    await screen.findByText('No open incidents.');
    // The feed is live once the store has been read; give the stream its moment to open.
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await call(store.api('/incidents'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'other-dashboard-1' },
      body: JSON.stringify({
        title: 'Order gateway rejecting orders',
        severityScheme: 'SEV1-SEV4',
        severity: 'SEV1',
        type: 'system-crash',
        affectedServices: [],
        affectedVenues: [],
        actor: 'commander',
      }),
    });
    expect(
      await screen.findByRole('button', { name: /Order gateway rejecting orders/ }, { timeout: 1000 }),
    ).toHaveTextContent('SEV1 critical');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
