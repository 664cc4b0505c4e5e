package io.wharf.store.etcd;

import io.wharf.store.Store;
import io.wharf.store.embedded.EmbeddedStore;
import io.wharf.store.embedded.EmbeddedStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Which store the test suites run on: the embedded store by default, or etcd when the JVM runs
 * with {@code -Dwharf.test.store=etcd} (the build runs the API suites both ways). On etcd, one
 * local etcd process serves the whole JVM and every store opened gets a namespace of its own, so
 * tests stay as isolated as with a fresh directory.
 */
public final class StoreBackends {
    public static final String PROPERTY = "wharf.test.store";
    private static LocalEtcd shared;

    private StoreBackends() {
    }

    public static boolean etcdSelected() {
        return "etcd".equals(System.getProperty(PROPERTY));
    }

    /**
     * A store for one test: embedded in {@code dir}, or on the shared etcd in a namespace named after
     * {@code dir}, so reopening the same directory finds the same data, as with the embedded store.
     */
    public static Store open(Path dir) {
        if (!etcdSelected()) {
            try {
                return EmbeddedStore.open(EmbeddedStoreOptions.defaults(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return EtcdStore.connect(etcdOptions().withNamespace("/wharf-test" + dir.toAbsolutePath()));
    }

    /** Options naming the shared etcd and a namespace not used before, for a server under test. */
    public static synchronized EtcdStoreOptions etcdOptions() {
        if (shared == null) {
            try {
                shared = LocalEtcd.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalEtcd etcd = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    etcd.close();
                } catch (IOException ignored) {
                    // the temporary directory goes with the machine's cleanup
                }
            }, "wharf-test-etcd-stop"));
        }
        return EtcdStoreOptions.of(List.of(shared.endpoint())).withNamespace("/test-" + UUID.randomUUID());
    }
}
