package io.wharf.kubelet.simulated;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Hands out a node's pod addresses from its /24 ({@code prefix.2} to {@code prefix.254}), reusing released ones last. */
final class PodAddresses {
    private final String prefix;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> byOwner = new HashMap<>();

    PodAddresses(String prefix) {
        this.prefix = prefix;
        for (int i = 2; i <= 254; i++) {
            free.add(i);
        }
    }

    synchronized String allocate(String owner) {
        Integer host = free.poll();
        if (host == null) {
            throw new IllegalStateException("no pod address left in " + prefix + ".0/24");
        }
        byOwner.put(owner, host);
        return prefix + "." + host;
    }

    synchronized void release(String owner) {
        Integer host = byOwner.remove(owner);
        if (host != null) {
            free.addLast(host);
        }
    }
}
