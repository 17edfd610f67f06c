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
        return mac().doFinal(ChainEncoding.encode(event));
    }

    public boolean attests(RecordedEvent event, byte[] attestation) {
        return attests(mac(), ChainEncoding.encode(event), attestation);
    }

    /** Whether an attestation is this key's of an event's {@linkplain ChainEncoding#encode encoding}, with a reused Mac. */
    static boolean attests(Mac mac, byte[] encoding, byte[] attestation) {
        return attestation != null && MessageDigest.isEqual(mac.doFinal(encoding), attestation);
    }

    /** A Mac under this key, for one thread; {@link Mac#doFinal} leaves it ready for the next event. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
