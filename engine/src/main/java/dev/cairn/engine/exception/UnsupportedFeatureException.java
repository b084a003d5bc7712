package dev.cairn.engine.exception;

/** The statement asks for something the connected database cannot do; nothing was sent. */
public final class UnsupportedFeatureException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
