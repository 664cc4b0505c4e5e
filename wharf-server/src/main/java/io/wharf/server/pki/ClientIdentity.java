package io.wharf.server.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a client certificate says its holder is, read the way Kubernetes' x509 authenticator reads
 * it: the subject CN is the user name and every O attribute is a group.
 */
public record ClientIdentity(String user, List<String> groups) {
    public ClientIdentity {
        groups = List.copyOf(groups);
    }

    public static ClientIdentity of(X509Certificate certificate) {
        // Parse the DER subject rather than a rendered string: O values may contain commas.
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String user = null;
        List<String> groups = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            // Go also splits multi-valued RDNs into their attributes, so both encodings give the same groups.
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                String value = text(attribute.getValue());
                if (attribute.getType().equals(BCStyle.CN)) {
                    user = value;
                } else if (attribute.getType().equals(BCStyle.O)) {
                    groups.add(value);
                }
            }
        }
        if (user == null) {
            throw new IllegalArgumentException("certificate subject "
                    + certificate.getSubjectX500Principal().getName() + " has no CN");
        }
        return new ClientIdentity(user, groups);
    }

    /** The attribute's string as written; IETFUtils' rendering would add RFC 4514 escapes. */
    private static String text(ASN1Encodable value) {
        if (value instanceof ASN1String string) {
            return string.getString();
        }
        return IETFUtils.valueToString(value);
    }
}
