package io.wharf.store;

/** Base of the store's failures; the subclasses say what the API server should answer. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The requested revision was compacted away (the API answers 410 Gone). */
    public static final class Compacted extends StoreException {
        private final long compactRevision;
        private final long requested;

        public Compacted(long requested, long compactRevision) {
            super("required revision " + requested + " has been compacted (compacted revision " + compactRevision + ")");
            this.compactRevision = compactRevision;
            this.requested = requested;
        }

        public long compactRevision() {
            return compactRevision;
        }

        public long requested() {
            return requested;
        }
    }

    /** The requested revision is newer than the store's current one. */
    public static final class FutureRevision extends StoreException {
        public FutureRevision(long requested, long current) {
            super("required revision " + requested + " is a future revision (current revision " + current + ")");
        }
    }

    /** The store cannot serve the request now (closed, disk fault, backend unreachable). */
    public static final class Unavailable extends StoreException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The store did not answer in time. A write may still take effect (the request may have reached
     * the store), so the API answers 504 rather than claiming it failed.
     */
    public static final class Timeout extends StoreException {
        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A write could not be made durable because of a local I/O failure (disk full, I/O error); the
     * message names the cause. Nothing of the write was applied and the store stays usable: the
     * same write can succeed once the cause is gone.
     */
    public static final class WriteFailed extends StoreException {
        public WriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Data on disk failed its integrity checks; the store refuses to guess. */
    public static final class Corrupt extends StoreException {
        public Corrupt(String message) {
            super(message);
        }
    }
}
