package io.wharf.server.pki;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Lets BouncyCastle's certificate builder sign with the JDK's own {@link Signature}, so no
 * BouncyCastle provider needs registering and no algorithm-name lookup tables get loaded.
 */
final class JdkContentSigner implements ContentSigner {
    private final AlgorithmIdentifier identifier;
    private final Signature signature;

    JdkContentSigner(PrivateKey key) throws GeneralSecurityException {
        this.identifier = SignatureAlgorithms.identifierForKey(key);
        this.signature = Signature.getInstance(SignatureAlgorithms.forKey(key));
        signature.initSign(key);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return identifier;
    }

    @Override
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                try {
                    signature.update(bytes, offset, length);
                } catch (SignatureException e) {
                    throw new RuntimeOperatorException("cannot feed data to the signature", e);
                }
            }
        };
    }

    @Override
    public byte[] getSignature() {
        try {
            return signature.sign();
        } catch (SignatureException e) {
            throw new RuntimeOperatorException("signing failed", e);
        }
    }
}
