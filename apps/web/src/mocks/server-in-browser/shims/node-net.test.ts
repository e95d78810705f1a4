import { describe, expect, it } from 'vitest';
// The tab's `node:net` is the shim; Node's own, by its bare name, is what it must agree with.
import * as nodeNet from 'net';
import { BlockList, isIP } from './node-net.ts';

const SUBNETS: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['10.0.0.0', 8, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['::ffff:0:0', 112, 'ipv6'],
];
const ADDRESSES: Array<[string, 'ipv4' | 'ipv6']> = [
  ['10.0.0.7', 'ipv4'],
  ['11.0.0.1', 'ipv4'],
  ['127.0.0.1', 'ipv4'],
  ['169.254.169.254', 'ipv4'],
  ['172.31.255.255', 'ipv4'],
  ['172.32.0.1', 'ipv4'],
  ['192.168.1.1', 'ipv4'],
  ['93.184.215.14', 'ipv4'],
  ['239.1.2.3', 'ipv4'],
  ['::1', 'ipv6'],
  ['::2', 'ipv6'],
  ['fd00:ec2::254', 'ipv6'],
  ['fe80::1%eth0', 'ipv6'],
  ['2001:db8:1::1', 'ipv6'],
  ['2606:4700::1111', 'ipv6'],
  ['::ffff:10.0.0.1', 'ipv6'],
  ['::ffff:8.8.8.8', 'ipv6'],
  ['0.0.1.2', 'ipv4'],
  ['0.1.1.2', 'ipv4'],
];

describe('node:net in the tab', () => {
  it('BlockList answers as Node’s does for the webhook guard’s kind of lists', () => {
    const shim = new BlockList();
    const real = new nodeNet.BlockList();
    for (const [net, bits, family] of SUBNETS) {
      shim.addSubnet(net, bits, family);
      real.addSubnet(net, bits, family);
    }
    for (const [address, family] of ADDRESSES) {
      expect([address, shim.check(address, family)]).toEqual([address, real.check(address, family)]);
    }
  });

  it('isIP answers as Node’s does', () => {
    for (const value of [
      '1.2.3.4',
      '256.1.1.1',
      '1.2.3',
      '::',
      '::ffff:1.2.3.4',
      'fe80::1',
      'example.com',
      '1::2::3',
    ]) {
      expect([value, isIP(value)]).toEqual([value, nodeNet.isIP(value)]);
    }
  });
});
