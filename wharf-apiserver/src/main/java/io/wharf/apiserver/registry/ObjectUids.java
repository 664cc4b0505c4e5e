package io.wharf.apiserver.registry;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Version 4 UUIDs for metadata.uid, drawn from one fast generator per thread seeded from the
 * system's secure random source. UUID.randomUUID() runs every call through the shared
 * SecureRandom (a lock and a SHA-1 round per UUID), a few percent of a create's CPU; a UID must be
 * unique, not unpredictable (nothing in Kubernetes treats it as a secret).
 */
final class ObjectUids {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> RANDOM = ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));

    private ObjectUids() {
    }

    static String next() {
        SplittableRandom r = RANDOM.get();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;                         // version 4
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;    // IETF variant
        return new UUID(high, low).toString();
    }
}
