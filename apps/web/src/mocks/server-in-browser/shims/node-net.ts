/** TRUST_PROXY lists never exist in the tab: every request is in-process. */
export class BlockList {
  addAddress(): void {}
  addSubnet(): void {}
  check(): boolean {
    return false;
  }
}

export function isIP(address: string): 0 | 4 | 6 {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 4;
  return address.includes(':') ? 6 : 0;
}
