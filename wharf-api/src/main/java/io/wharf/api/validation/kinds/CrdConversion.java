package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.GoQuote;
import io.wharf.api.validation.NameValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CRD's conversion settings as upstream sees them internally: the v1 {@code webhook.clientConfig}
 * and {@code webhook.conversionReviewVersions} are reported as {@code webhookClientConfig} and
 * {@code conversionReviewVersions} directly under spec.conversion. The CA bundle is not checked:
 * upstream allows an invalid one until the definition is established.
 */
final class CrdConversion {
    /** The ConversionReview versions a server of the previous release understands. */
    private static final List<String> ACCEPTED_REVIEW_VERSIONS = List.of("v1", "v1beta1");
    private static final String URL_FORM = "; desired format: https://host[/path]";
    private static final String ONLY_FOR_WEBHOOK = "should not be set when strategy is not set to Webhook";

    private CrdConversion() {
    }

    static void validate(Problems out, JsonNode conversion, boolean requireRecognizedReviewVersion, FieldPath path) {
        if (!Nodes.isSet(conversion)) {
            return;
        }
        String strategy = Nodes.text(conversion, "strategy");
        FieldChecks.requiredEnum(out, strategy, List.of("None", "Webhook"), path.child("strategy"));
        JsonNode clientConfig = Nodes.at(conversion, "webhook", "clientConfig");
        List<String> reviewVersions = Nodes.strings(conversion, "webhook", "conversionReviewVersions");
        FieldPath configPath = path.child("webhookClientConfig");
        if (strategy.equals("Webhook")) {
            if (!Nodes.isSet(clientConfig)) {
                out.required(configPath, "required when strategy is set to Webhook");
            } else {
                String url = Nodes.optionalText(clientConfig, "url");
                JsonNode service = clientConfig.path("service");
                if ((url == null) == !Nodes.isSet(service)) {
                    out.required(configPath, "exactly one of url or service is required");
                } else if (url != null) {
                    webhookUrl(out, url, configPath.child("url"));
                } else {
                    webhookService(out, service, configPath.child("service"));
                }
            }
            reviewVersions(out, reviewVersions, requireRecognizedReviewVersion, path.child("conversionReviewVersions"));
        } else {
            if (Nodes.isSet(clientConfig)) {
                out.forbidden(configPath, ONLY_FOR_WEBHOOK);
            }
            if (!reviewVersions.isEmpty()) {
                out.forbidden(path.child("conversionReviewVersions"), ONLY_FOR_WEBHOOK);
            }
        }
    }

    /** Whether the versions include one the previous release understands; an empty list counts as fine. */
    static boolean hasAcceptedReviewVersionOrEmpty(List<String> versions) {
        return versions.isEmpty() || versions.stream().anyMatch(ACCEPTED_REVIEW_VERSIONS::contains);
    }

    private static void reviewVersions(Problems out, List<String> versions, boolean requireRecognized, FieldPath path) {
        if (versions.isEmpty()) {
            out.required(path, "");
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean accepted = false;
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            if (!seen.add(v)) {
                out.invalid(path.index(i), v, "duplicate version");
                continue;
            }
            out.invalidEach(path.index(i), v, NameValidation.isDNS1035Label(v));
            accepted |= ACCEPTED_REVIEW_VERSIONS.contains(v);
        }
        if (requireRecognized && !accepted) {
            out.invalid(path, versions, "must include at least one of " + String.join(", ", ACCEPTED_REVIEW_VERSIONS));
        }
    }

    /** Upstream's {@code ValidateWebhookURL} with https required; URL parsing follows Java's, not Go's. */
    private static void webhookUrl(Problems out, String url, FieldPath path) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            out.required(path, "url must be a valid URL: parse " + GoQuote.quote(url) + ": " + e.getReason() + URL_FORM);
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            out.invalid(path, scheme, "'https' is the only allowed URL scheme" + URL_FORM);
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String host = authority.contains("@") ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
        if (host.isEmpty()) {
            out.invalid(path, host, "host must be specified" + URL_FORM);
        }
        if (uri.getRawUserInfo() != null) {
            out.invalid(path, uri.getRawUserInfo(), "user information is not permitted in the URL");
        }
        if (uri.getRawFragment() != null && !uri.getRawFragment().isEmpty()) {
            out.invalid(path, uri.getFragment(), "fragments are not permitted in the URL");
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            out.invalid(path, uri.getRawQuery(), "query parameters are not permitted in the URL");
        }
    }

    /**
     * Upstream's {@code ValidateWebhookService}. The CRD code passes the service's name and
     * namespace in the opposite order to the function's parameters, so a missing namespace is
     * reported at "name" and a missing name at "namespace"; reproduced as upstream behaves.
     */
    private static void webhookService(Problems out, JsonNode service, FieldPath path) {
        if (Nodes.text(service, "namespace").isEmpty()) {
            out.required(path.child("name"), "");
        }
        if (Nodes.text(service, "name").isEmpty()) {
            out.required(path.child("namespace"), "");
        }
        long port = Nodes.longValue(service, "port");
        List<String> portErrors = NameValidation.isValidPortNum(port);
        if (!portErrors.isEmpty()) {
            out.invalid(path.child("port"), port, "port is not valid: " + String.join(", ", portErrors));
        }
        String urlPath = Nodes.optionalText(service, "path");
        if (urlPath == null || urlPath.isEmpty() || urlPath.equals("/")) {
            return;
        }
        FieldPath at = path.child("path");
        if (urlPath.equals("//")) {
            out.invalid(at, urlPath, "segment[0] may not be empty");
            return;
        }
        if (!urlPath.startsWith("/")) {
            out.invalid(at, urlPath, "must start with a '/'");
        }
        String toCheck = urlPath.substring(1);
        if (toCheck.endsWith("/")) {
            toCheck = toCheck.substring(0, toCheck.length() - 1);
        }
        String[] steps = toCheck.split("/", -1);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isEmpty()) {
                out.invalid(at, urlPath, "segment[" + i + "] may not be empty");
                continue;
            }
            for (String failure : NameValidation.isDNS1123Subdomain(steps[i])) {
                out.invalid(at, urlPath, "segment[" + i + "]: " + failure);
            }
        }
    }
}
