import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ConfigErrorScreen } from './config-error-screen.tsx';

test('the configuration error screen shows the problem and how to fix it', () => {
  render(<ConfigErrorScreen error="/config.json: apiBaseUrl: expected string, got undefined" />);
  expect(screen.getByRole('alert')).toHaveTextContent('apiBaseUrl: expected string, got undefined');
  expect(screen.getByRole('alert')).toHaveTextContent('no rebuild is needed');
});
