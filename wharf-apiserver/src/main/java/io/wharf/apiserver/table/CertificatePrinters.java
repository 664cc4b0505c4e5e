package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** certificates.k8s.io CertificateSigningRequest. */
final class CertificatePrinters {
    private CertificatePrinters() {
    }

    static final RowPrinter CERTIFICATE_SIGNING_REQUEST = SimpleRowPrinter.of((o, now) -> {
        JsonNode spec = Fields.at(o, "spec");
        String requested = Fields.has(spec, "expirationSeconds")
                ? HumanDuration.format(Duration.ofSeconds(Fields.num(spec, "expirationSeconds")))
                : Cells.NONE;
        return List.of(
                Fields.name(o),
                Cells.age(o, now),
                Cells.orNone(Fields.str(spec, "signerName")),
                Fields.str(spec, "username"),
                requested,
                condition(o));
    },
            Columns.name(),
            Columns.age(),
            Columns.string("SignerName", "Signer asked to sign the request."),
            Columns.string("Requestor", "User who made the request."),
            Columns.string("RequestedDuration", "Validity period asked for."),
            Columns.string("Condition", "Approval state, plus Failed and Issued markers."));

    /** Denied over Approved over Pending, then ",Failed" and ",Issued" when they apply. */
    private static String condition(JsonNode csr) {
        boolean approved = false;
        boolean denied = false;
        boolean failed = false;
        for (JsonNode c : Fields.list(csr, "status", "conditions")) {
            switch (Fields.str(c, "type")) {
                case "Approved" -> approved = true;
                case "Denied" -> denied = true;
                case "Failed" -> failed = true;
                default -> {
                    // other condition types do not change the summary
                }
            }
        }
        String status = denied ? "Denied" : approved ? "Approved" : "Pending";
        if (failed) {
            status += ",Failed";
        }
        if (!Fields.str(csr, "status", "certificate").isEmpty()) {
            status += ",Issued";
        }
        return status;
    }
}
