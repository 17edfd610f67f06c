package org.reserveledger.projections.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The secret with which the service attests the events it appends. It lives outside the database,
 * so whoever can write the event table but not read the key cannot make an event look like the
 * service's own.
 */
public final class AttestationKey {

    public static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    public AttestationKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("an attestation key needs at least " + MIN_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** HMAC-SHA-256 over the event's canonical encoding. */
    public byte[] attest(RecordedEvent event) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(ChainEncoding.encode(event));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    public boolean attests(RecordedEvent event, byte[] attestation) {
        return attestation != null && MessageDigest.isEqual(attest(event), attestation);
    }
}
