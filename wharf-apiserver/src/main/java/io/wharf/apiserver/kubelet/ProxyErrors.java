package io.wharf.apiserver.kubelet;

import io.netty.channel.ConnectTimeoutException;
import io.wharf.apiserver.errors.ApiException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The failures of talking to a kubelet, worded as upstream's Go code words them (clients and
 * users see these messages: {@code dial tcp 10.0.0.7:10250: connect: connection refused}).
 */
final class ProxyErrors {
    /** Upstream reads at most this much of a kubelet's error body. */
    static final int MAX_ERROR_BODY = 50_000;

    private ProxyErrors() {
    }

    /** Go's error for a failed dial or TLS handshake with {@code endpoint}. */
    static String connectFailure(KubeletEndpoint endpoint, Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return "dial tcp: lookup " + endpoint.host() + ": no such host";
        }
        if (cause instanceof SSLException || cause instanceof java.security.cert.CertificateException) {
            return "tls: failed to verify certificate: " + rootMessage(cause);
        }
        String detail;
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectTimeoutException) {
            detail = "i/o timeout";
        } else if (message.contains("connection refused")) {
            detail = "connect: connection refused";
        } else if (cause instanceof NoRouteToHostException || message.contains("no route to host")) {
            detail = "connect: no route to host";
        } else if (cause instanceof ConnectException) {
            detail = "connect: " + message;
        } else {
            detail = message;
        }
        return "dial tcp " + endpoint.authority() + ": " + detail;
    }

    /**
     * A request the proxy could not complete: upstream reports such errors as a 500 with no
     * reason. A log request (an HTTP client call upstream) names the URL as Go's client does.
     */
    static ApiException unreachable(KubeletTarget target, String method, boolean clientCall, String message) {
        String m = clientCall ? goMethod(method) + " \"" + target.url() + "\": " + message : message;
        return new ApiException(500, "", m);
    }

    /**
     * A kubelet's non-2xx answer to a log request, turned into a Status as upstream's
     * GenericHttpResponseChecker does.
     */
    static ApiException logFailure(int code, String body, String podName) {
        if (code == 500) {
            return ApiException.internal(body);
        }
        if (code == 400) {
            return ApiException.badRequest(body);
        }
        String reason;
        String message;
        switch (code) {
            case 404 -> {
                reason = "NotFound";
                message = "the server could not find the requested resource";
            }
            case 401 -> {
                reason = "Unauthorized";
                message = "the server has asked for the client to provide credentials";
            }
            case 403 -> {
                reason = "Forbidden";
                message = body;
            }
            case 405 -> {
                reason = "MethodNotAllowed";
                message = "the server does not allow this method on the requested resource";
            }
            case 409 -> {
                reason = "Conflict";
                message = "the server reported a conflict";
            }
            case 422 -> {
                reason = "Invalid";
                message = "the server rejected our request due to an error in our request";
            }
            case 429 -> {
                reason = "TooManyRequests";
                message = "the server has received too many requests and has asked us to try again later";
            }
            case 503 -> {
                reason = "ServiceUnavailable";
                message = "the server is currently unable to handle the request";
            }
            case 504 -> {
                reason = "Timeout";
                message = "the server was unable to return a response in the time allotted, but may still be processing the request";
            }
            default -> {
                reason = code >= 500 ? "InternalError" : "";
                message = code >= 500 ? "an error on the server (" + goQuote(body) + ") has prevented the request from succeeding"
                        : "the server responded with the status code " + code + " but did not return more information";
            }
        }
        // upstream passes an empty verb, hence the double space
        return new ApiException(code, reason, message + " ( pods/log " + podName + ")", podName, "", "pods/log", null, null);
    }

    private static String goMethod(String method) {
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Go's %q for a string: double quotes, with quotes, backslashes and control characters escaped. */
    private static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
