package io.wharf.store.etcd;

/** What Wharf needs to know about etcd releases. */
final class EtcdVersions {
    private EtcdVersions() {
    }

    /**
     * Whether watch progress reports of this etcd release never overtake pending events: fixed in
     * 3.4.31 and 3.5.13, and in every later minor release.
     */
    static boolean progressIsReliable(String version) {
        int[] v = parse(version);
        if (v == null) {
            return false;
        }
        int major = v[0];
        int minor = v[1];
        int patch = v[2];
        if (major != 3) {
            return major > 3;
        }
        return switch (minor) {
            case 4 -> patch >= 31;
            case 5 -> patch >= 13;
            default -> minor > 5;
        };
    }

    /** {major, minor, patch} of "3.5.13" or "v3.5.13-rc.0", or null when it is not a version. */
    static int[] parse(String version) {
        if (version == null) {
            return null;
        }
        String s = version.startsWith("v") ? version.substring(1) : version;
        int dash = s.indexOf('-');
        if (dash >= 0) {
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        try {
            return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
