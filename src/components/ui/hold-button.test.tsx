import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HoldButton } from './hold-button.tsx';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(holdMs = 600) {
  const onFire = vi.fn();
  render(
    <HoldButton holdMs={holdMs} onFire={onFire}>
      Halt trading
    </HoldButton>,
  );
  return { onFire, button: screen.getByRole('button', { name: /Halt trading/ }) };
}

describe('HoldButton', () => {
  test('holding the pointer for the hold time fires once', () => {
    const { onFire, button } = setup();
    fireEvent.pointerDown(button, { button: 0 });
    expect(button).toHaveAttribute('data-holding', 'true');
    act(() => vi.advanceTimersByTime(599));
    expect(onFire).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onFire).toHaveBeenCalledTimes(1);
    fireEvent.pointerUp(button);
    act(() => vi.advanceTimersByTime(2000));
    expect(onFire).toHaveBeenCalledTimes(1);
  });

  test('releasing early cancels and explains how to fire', () => {
    const { onFire, button } = setup();
    fireEvent.pointerDown(button, { button: 0 });
    act(() => vi.advanceTimersByTime(300));
    fireEvent.pointerUp(button);
    act(() => vi.advanceTimersByTime(1000));
    expect(onFire).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Press and hold for 0.6 s to fire');
  });

  test('a plain click never fires a hold control, and says how to', () => {
    const { onFire, button } = setup();
    fireEvent.click(button); // e.g. from assistive technology: no pointer events at all
    expect(screen.getByRole('status')).toHaveTextContent('Press and hold for 0.6 s to fire');
    fireEvent.pointerDown(button, { button: 0 });
    fireEvent.pointerUp(button);
    fireEvent.click(button);
    act(() => vi.advanceTimersByTime(1000));
    expect(onFire).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent(/hold/);
  });

  test('moving off the button while holding cancels', () => {
    const { onFire, button } = setup();
    fireEvent.pointerDown(button, { button: 0 });
    fireEvent.pointerLeave(button);
    act(() => vi.advanceTimersByTime(1000));
    expect(onFire).not.toHaveBeenCalled();
  });

  test.each(['Enter', ' '])('holding %j on the keyboard fires; key repeat does not restart it', (key) => {
    const { onFire, button } = setup();
    button.focus();
    fireEvent.keyDown(button, { key });
    act(() => vi.advanceTimersByTime(400));
    fireEvent.keyDown(button, { key, repeat: true });
    act(() => vi.advanceTimersByTime(200));
    expect(onFire).toHaveBeenCalledTimes(1);
    fireEvent.keyUp(button, { key });
  });

  test('letting go of the key early cancels', () => {
    const { onFire, button } = setup();
    fireEvent.keyDown(button, { key: 'Enter' });
    act(() => vi.advanceTimersByTime(200));
    fireEvent.keyUp(button, { key: 'Enter' });
    act(() => vi.advanceTimersByTime(1000));
    expect(onFire).not.toHaveBeenCalled();
  });

  test('hold time 0: an ordinary click fires at once', () => {
    const { onFire, button } = setup(0);
    fireEvent.click(button);
    expect(onFire).toHaveBeenCalledTimes(1);
  });

  test('a disabled control never fires, but stays focusable to say why', () => {
    const onFire = vi.fn();
    render(
      <HoldButton holdMs={600} onFire={onFire} disabled>
        Kill switch
      </HoldButton>,
    );
    const button = screen.getByRole('button');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    button.focus();
    expect(button).toHaveFocus();
    fireEvent.pointerDown(button, { button: 0 });
    fireEvent.keyDown(button, { key: 'Enter' });
    act(() => vi.advanceTimersByTime(1000));
    expect(onFire).not.toHaveBeenCalled();
  });

  test('the explanation fades after a few seconds', () => {
    const { button } = setup();
    fireEvent.click(button);
    expect(screen.getByRole('status')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3100));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
