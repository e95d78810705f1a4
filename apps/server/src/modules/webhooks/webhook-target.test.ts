import { describe, expect, it } from 'vitest';
import { isPublicAddress, resolveWebhookTarget } from './webhook-target.ts';

describe('the webhook target guard', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '64:ff9b:1::8.8.8.8',
    '::ffff:0:127.0.0.1',
    '::ffff:0:a00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1',
    '3fff::1',
    '5f00::1',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:0:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses a name with one private address among public ones, and keeps the address it checked', async () => {
    const mixed = () =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]);
    await expect(resolveWebhookTarget('https://hooks.example.com/x', false, mixed)).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
    });
    const target = await resolveWebhookTarget('https://hooks.example.com/x', false, () =>
      Promise.resolve([{ address: '93.184.215.14', family: 4 }]),
    );
    expect(target).toMatchObject({ address: '93.184.215.14', family: 4 });
  });

  it('refuses a name that stopped resolving, plain http, and private targets unless allowed', async () => {
    const none = () => Promise.reject(new Error('ENOTFOUND'));
    await expect(resolveWebhookTarget('https://gone.example.com', false, none)).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
    });
    await expect(resolveWebhookTarget('http://93.184.215.14', false)).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
    });
    await expect(resolveWebhookTarget('https://[::1]:8443/x', false)).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
    });
    expect(await resolveWebhookTarget('http://127.0.0.1:9/x', true)).toMatchObject({ address: '127.0.0.1' });
  });
});
