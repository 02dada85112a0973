import { BlockList, isIP } from 'node:net';

/**
 * Which address a request comes from. `X-Forwarded-For` is written by whoever sends the request,
 * so it is believed only as far as it was added by proxies we run (`TRUSTED_PROXIES`): a list of
 * addresses and CIDR ranges, or a number of proxy hops in front of the portal. Unset, the
 * connection's own address is the client (no proxy). server.ts works the address out once per
 * request and passes it to the app in CLIENT_ADDRESS_HEADER, replacing whatever the client sent.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address';

export type TrustedProxies = { hops: number } | { list: BlockList } | null;

const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const setting = value?.trim();
  if (!setting) return null;
  if (/^\d+$/.test(setting)) return { hops: Number(setting) };
  const list = new BlockList();
  for (const entry of setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const type = isIP(plain(address!));
    if (!type || (prefix !== undefined && !/^\d+$/.test(prefix))) throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR range.`);
    const family = type === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(plain(address!), family);
    else list.addSubnet(plain(address!), Number(prefix), family);
  }
  return { list };
}

const trusts = (list: BlockList, address: string) => {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The client's address: walking back from the connection through `X-Forwarded-For` (right to
 * left) past trusted proxies only; the first address not ours is the client.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const chain = [plain(socketAddress ?? '') || 'unknown'];
  if (trusted) {
    const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map(plain).filter(Boolean);
    chain.push(...forwarded.reverse());
  }
  if (!trusted) return chain[0]!;
  if ('hops' in trusted) return chain[Math.min(trusted.hops, chain.length - 1)]!;
  let index = 0;
  while (index < chain.length - 1 && trusts(trusted.list, chain[index]!)) index++;
  return chain[index]!;
}
