package io.wharf.api.defaults;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the container image reference grammar (docker's "normalized named" references)
 * to pick a container's default pull policy as upstream does: Always when the reference names
 * the tag "latest" or names neither tag nor digest, IfNotPresent otherwise, including for
 * references upstream cannot parse.
 */
final class ImageReference {
    private static final String DEFAULT_DOMAIN = "docker.io";
    private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_REPO_PREFIX = "library/";
    private static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String DOMAIN_AND_PORT = "(?:" + DOMAIN_NAME + "|" + IPV6 + ")(?::[0-9]+)?";
    private static final String NAME =
            "(?:" + DOMAIN_AND_PORT + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST =
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE =
            Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");

    /** Hex lengths of the digest algorithms upstream's binaries register. */
    private static final Map<String, Integer> DIGEST_HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    private ImageReference() {
    }

    /** The pull policy upstream gives a container (or image volume) that does not name one. */
    static String defaultPullPolicy(String image) {
        Parsed parsed = parse(image);
        if (parsed == null) {
            return "IfNotPresent";
        }
        boolean impliedLatest = parsed.tag() == null && parsed.digest() == null;
        return impliedLatest || "latest".equals(parsed.tag()) ? "Always" : "IfNotPresent";
    }

    /** Tag and digest of a reference (null when absent); null when upstream rejects the reference. */
    record Parsed(String tag, String digest) {
    }

    static Parsed parse(String image) {
        if (IDENTIFIER.matcher(image).matches()) {
            return null;
        }
        String domain;
        String remainder;
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = DEFAULT_DOMAIN;
            remainder = image;
        } else {
            domain = first;
            remainder = image.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
            remainder = OFFICIAL_REPO_PREFIX + remainder;
        }
        int colon = remainder.indexOf(':');
        String remote = colon < 0 ? remainder : remainder.substring(0, colon);
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            return null;
        }
        Matcher m = REFERENCE.matcher(domain + "/" + remainder);
        if (!m.matches() || m.group(1).length() > NAME_TOTAL_LENGTH_MAX) {
            return null;
        }
        String digest = m.group(3);
        if (digest != null && !validDigest(digest)) {
            return null;
        }
        return new Parsed(m.group(2), digest);
    }

    private static boolean validDigest(String digest) {
        int colon = digest.indexOf(':');
        Integer hexLength = DIGEST_HEX_LENGTHS.get(digest.substring(0, colon));
        String encoded = digest.substring(colon + 1);
        return hexLength != null && encoded.length() == hexLength && encoded.matches("[a-f0-9]+");
    }
}
