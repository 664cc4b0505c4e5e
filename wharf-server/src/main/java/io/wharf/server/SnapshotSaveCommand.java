package io.wharf.server;

import io.wharf.server.pki.KubeconfigReader;
import io.wharf.store.StoreException;
import io.wharf.store.embedded.SnapshotFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf snapshot save FILE}: downloads a consistent snapshot from the running server. */
@Command(name = "save", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Save a consistent snapshot of the running server's store to FILE (written atomically, readable by its owner only).",
                "Needs a cluster administrator's credentials: by default the admin kubeconfig in the data directory."})
final class SnapshotSaveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the snapshot.")
    Path file;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to reach the server with (default: DIR/kubeconfig.yaml).")
    Path kubeconfig;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's state directory (default: ~/.wharf, /var/lib/wharf for root).")
    Path dataDir;

    @Override
    public Integer call() {
        Path config = kubeconfig != null ? kubeconfig : (dataDir != null ? dataDir : DataDir.defaultPath()).resolve("kubeconfig.yaml");
        try {
            SnapshotFile.Summary saved = new SnapshotDownload(KubeconfigReader.read(config)).saveTo(file);
            System.out.println("Snapshot saved to " + file + ": revision " + saved.revision() + ", " + saved.keys() + " keys, "
                    + saved.bytes() + " bytes");
            return 0;
        } catch (StoreException.Corrupt e) {
            System.err.println("error: the downloaded snapshot is damaged, nothing was saved: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
