import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { Panel } from './panel.tsx';

describe('Panel', () => {
  test('data we could not parse, and data the war-room server could not read, are told apart', () => {
    const since = Date.parse('2026-01-01T10:00:00Z');
    const { rerender } = render(
      <Panel title="Venues" problem={{ message: 'venues[0].connection: got "UP"', since }}>
        <p>last valid venues</p>
      </Panel>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^⚠ Invalid data from the trading API: venues\[0\]\.connection/,
    );
    rerender(
      <Panel
        title="Venues"
        problem={{ message: 'executioner /api/venues/health: HTTP 500', since, origin: 'source' }}
      >
        <p>last valid venues</p>
      </Panel>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^⚠ Cannot be read from the trading system: executioner \/api\/venues\/health: HTTP 500 — showing what was valid at/,
    );
    // The last valid data stays on screen under the warning.
    expect(screen.getByText('last valid venues')).toBeInTheDocument();
  });
});
