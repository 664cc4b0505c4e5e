package io.wharf.apiserver.kubelet;

import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code pods/<name>/log}, upstream's PodLogOptions.
 *
 * @param container    the container, or "" for the pod's only one
 * @param follow       keep streaming as the container writes
 * @param previous     the previous instance of a restarted container
 * @param timestamps   prefix lines with their time
 * @param sinceSeconds only lines this recent, or null
 * @param sinceTime    only lines from this time on, or null
 * @param tailLines    only this many last lines, or null
 * @param limitBytes   stop after this many bytes, or null
 * @param insecureSkipTlsVerifyBackend do not verify the kubelet's serving certificate
 */
record PodLogOptions(String container, boolean follow, boolean previous, boolean timestamps, Long sinceSeconds, Instant sinceTime,
                     Long tailLines, Long limitBytes, boolean insecureSkipTlsVerifyBackend) {

    static PodLogOptions of(ApiRequest req) {
        return new PodLogOptions(req.param("container", ""), OptionValues.bool(req, "follow"), OptionValues.bool(req, "previous"),
                OptionValues.bool(req, "timestamps"), OptionValues.int64(req, "sinceSeconds"), OptionValues.time(req, "sinceTime"),
                OptionValues.int64(req, "tailLines"), OptionValues.int64(req, "limitBytes"),
                OptionValues.bool(req, "insecureSkipTLSVerifyBackend"));
    }

    /** Upstream's ValidatePodLogOptions, reported as 422 Invalid on kind PodLogOptions. */
    void validate(String podName) {
        List<FieldProblem> problems = new ArrayList<>();
        if (tailLines != null && tailLines < 0) {
            problems.add(FieldProblem.invalid("tailLines", tailLines, "must be greater than or equal to 0"));
        }
        if (limitBytes != null && limitBytes < 1) {
            problems.add(FieldProblem.invalid("limitBytes", limitBytes, "must be greater than 0"));
        }
        if (sinceSeconds != null && sinceTime != null) {
            problems.add(FieldProblem.forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
        } else if (sinceSeconds != null && sinceSeconds < 1) {
            problems.add(FieldProblem.invalid("sinceSeconds", sinceSeconds, "must be greater than 0"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("", "PodLogOptions", podName, problems);
        }
    }

    /** The kubelet's query: only what was set, with times in RFC 3339 to the second as upstream sends them. */
    QueryParams kubeletQuery() {
        QueryParams q = new QueryParams();
        if (follow) {
            q.add("follow", "true");
        }
        if (previous) {
            q.add("previous", "true");
        }
        if (timestamps) {
            q.add("timestamps", "true");
        }
        if (sinceSeconds != null) {
            q.add("sinceSeconds", sinceSeconds.toString());
        }
        if (sinceTime != null) {
            q.add("sinceTime", sinceTime.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (tailLines != null) {
            q.add("tailLines", tailLines.toString());
        }
        if (limitBytes != null) {
            q.add("limitBytes", limitBytes.toString());
        }
        return q;
    }
}
