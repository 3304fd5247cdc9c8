import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { PanelBoundary } from './panel-boundary.tsx';

let broken = true;
function Fragile() {
  if (broken) throw new Error('cannot read venues of undefined');
  return <p>venues shown</p>;
}

afterEach(() => vi.restoreAllMocks());

test('a panel that throws says so in its own place; its neighbours keep working; it can retry', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error too
  render(
    <>
      <PanelBoundary name="Venues">
        <Fragile />
      </PanelBoundary>
      <PanelBoundary name="Services">
        <p>services shown</p>
      </PanelBoundary>
    </>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('Venues: this panel failed');
  expect(screen.getByRole('alert')).toHaveTextContent('cannot read venues of undefined');
  expect(screen.getByText('services shown')).toBeInTheDocument();
  broken = false;
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(screen.getByText('venues shown')).toBeInTheDocument();
});
