import { expect, it } from 'vitest';
import { describeDevice } from './device.ts';

it('names the browser and the system when the user agent tells them, and admits when it does not', () => {
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  const chrome =
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
  const safari =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  expect(describeDevice(firefox)).toBe('Firefox on Linux');
  expect(describeDevice(chrome)).toBe('Chrome on macOS');
  expect(describeDevice(safari)).toBe('Mobile Safari on iOS');
  expect(describeDevice('curl/8.5.0')).toBe('Unknown device');
  expect(describeDevice('')).toBe('Unknown device');
  expect(describeDevice(null)).toBe('Unknown device');
});
