package io.wharf.apiserver.kubelet;

/**
 * One request to send to a kubelet.
 *
 * @param endpoint     the kubelet
 * @param pathAndQuery the request target, e.g. {@code /containerLogs/ns/pod/c?follow=true}
 * @param verifyTls    false only when the client asked to skip verifying the kubelet's certificate
 *                     (upstream's insecureSkipTLSVerifyBackend for logs)
 */
public record KubeletTarget(KubeletEndpoint endpoint, String pathAndQuery, boolean verifyTls) {
    /** The URL as upstream's Go client names it in errors: {@code https://host:port/path?query}. */
    public String url() {
        return "https://" + endpoint.authority() + pathAndQuery;
    }
}
