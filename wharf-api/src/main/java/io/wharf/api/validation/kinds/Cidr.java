package io.wharf.api.validation.kinds;

import io.wharf.api.validation.IpAddresses;
import java.util.Optional;

/** A parsed CIDR as Go's {@code net.ParseCIDR} sees it: the masked network, its family and prefix length. */
record Cidr(byte[] network, boolean v4, int prefixLength) {

    /** Parses "address/prefix" with upstream's sloppy IP rules; empty when it is not a CIDR. */
    static Optional<Cidr> parse(String text) {
        if (!IpAddresses.isCidr(text)) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        byte[] ip = IpAddresses.parse(text.substring(0, slash)).orElseThrow();
        boolean v4 = IpAddresses.isV4(ip) && text.substring(0, slash).indexOf(':') < 0;
        int prefix = Integer.parseInt(text.substring(slash + 1));
        int totalBits = v4 ? 32 : 128;
        int offset = v4 ? 12 : 0;
        byte[] network = new byte[v4 ? 4 : 16];
        for (int i = 0; i < network.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = bitsHere == 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
            network[i] = (byte) (ip[offset + i] & mask);
        }
        return Optional.of(new Cidr(network, v4, Math.min(prefix, totalBits)));
    }

    /** Whether {@code other}'s network address lies in this network (Go's IPNet.Contains). */
    boolean contains(Cidr other) {
        if (other.v4 != v4) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefixLength - i * 8));
            int mask = bitsHere == 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
            if ((other.network[i] & mask) != (network[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
