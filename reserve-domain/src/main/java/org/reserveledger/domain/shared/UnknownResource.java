package org.reserveledger.domain.shared;

/**
 * A command that names something the reserve has never recorded, such as an unknown transfer.
 */
public class UnknownResource extends RuntimeException {

    public UnknownResource(String message) {
        super(message, null, false, false);
    }
}
