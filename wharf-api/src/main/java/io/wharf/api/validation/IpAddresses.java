package io.wharf.api.validation;

import java.util.Optional;

/**
 * Parses IP addresses and CIDRs with the rules upstream validation uses ({@code netutils.ParseIPSloppy},
 * a copy of Go 1.16's parser): IPv4 octets may carry leading zeros and are read as decimal, IPv6
 * may embed a trailing IPv4 part, zones are rejected. Never resolves names.
 */
public final class IpAddresses {
    private static final int IPV4_LEN = 4;
    private static final int IPV6_LEN = 16;
    /** Go's parser gives up on a numeric field once it reaches this value. */
    private static final int BIG = 0xFFFFFF;

    private IpAddresses() {
    }

    /** The 16-byte form of the address (IPv4 as ::ffff:a.b.c.d), or empty when it is not an IP. */
    public static Optional<byte[]> parse(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return Optional.ofNullable(parseV4(s));
            }
            if (c == ':') {
                return Optional.ofNullable(parseV6(s));
            }
        }
        return Optional.empty();
    }

    /** True when the 16-byte address is an IPv4 address (Go's {@code To4() != nil}). */
    public static boolean isV4(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    /** True when {@code s} is "address/prefix-length" with a prefix length that fits the address family. */
    public static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = s.substring(0, slash);
        String mask = s.substring(slash + 1);
        int maxBits = 8 * IPV4_LEN;
        byte[] ip = parseV4(address);
        if (ip == null) {
            maxBits = 8 * IPV6_LEN;
            ip = parseV6(address);
        }
        long[] bits = decimalPrefix(mask);
        return ip != null && bits != null && bits[1] == mask.length() && bits[0] <= maxBits;
    }

    private static byte[] parseV4(String s) {
        byte[] octets = new byte[IPV4_LEN];
        int pos = 0;
        for (int i = 0; i < IPV4_LEN; i++) {
            if (pos >= s.length()) {
                return null;
            }
            if (i > 0) {
                if (s.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            long[] n = decimalPrefix(s.substring(pos));
            if (n == null || n[0] > 0xFF) {
                return null;
            }
            pos += (int) n[1];
            octets[i] = (byte) n[0];
        }
        if (pos != s.length()) {
            return null;
        }
        byte[] ip = new byte[IPV6_LEN];
        ip[10] = (byte) 0xff;
        ip[11] = (byte) 0xff;
        System.arraycopy(octets, 0, ip, 12, IPV4_LEN);
        return ip;
    }

    private static byte[] parseV6(String input) {
        byte[] ip = new byte[IPV6_LEN];
        String s = input;
        int ellipsis = -1;
        if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return ip;
            }
        }
        int i = 0;
        while (i < IPV6_LEN) {
            long[] n = hexPrefix(s);
            if (n == null || n[0] > 0xFFFF) {
                return null;
            }
            int consumed = (int) n[1];
            if (consumed < s.length() && s.charAt(consumed) == '.') {
                if (ellipsis < 0 && i != IPV6_LEN - IPV4_LEN) {
                    return null;
                }
                if (i + IPV4_LEN > IPV6_LEN) {
                    return null;
                }
                byte[] v4 = parseV4(s);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 12, ip, i, IPV4_LEN);
                s = "";
                i += IPV4_LEN;
                break;
            }
            ip[i] = (byte) (n[0] >> 8);
            ip[i + 1] = (byte) n[0];
            i += 2;
            s = s.substring(consumed);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':' || s.length() == 1) {
                return null;
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return null;
        }
        if (i < IPV6_LEN) {
            if (ellipsis < 0) {
                return null;
            }
            int gap = IPV6_LEN - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + gap] = ip[j];
            }
            for (int j = ellipsis + gap - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            // "::" must stand for at least one group of zeros.
            return null;
        }
        return ip;
    }

    /** {value, digits consumed} of the leading decimal digits, or null when there are none or too many. */
    private static long[] decimalPrefix(String s) {
        long n = 0;
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            n = n * 10 + (s.charAt(i) - '0');
            if (n >= BIG) {
                return null;
            }
            i++;
        }
        return i == 0 ? null : new long[] {n, i};
    }

    /** {value, digits consumed} of the leading hex digits, or null when there are none or too many. */
    private static long[] hexPrefix(String s) {
        long n = 0;
        int i = 0;
        while (i < s.length()) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0 || s.charAt(i) > 'f') {
                break;
            }
            n = n * 16 + digit;
            if (n >= BIG) {
                return null;
            }
            i++;
        }
        return i == 0 ? null : new long[] {n, i};
    }
}
